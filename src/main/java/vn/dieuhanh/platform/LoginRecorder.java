package vn.dieuhanh.platform;

/**
 * The one hook every login door calls after it verified who is logging in (password through the engine's identity
 * provider: the web app's {@code /dang-nhap}, HTTP Basic on {@code /api} and {@code /engine-rest}, the Camunda
 * webapps' login; single sign-on doors call it too). Implemented by the organisation capability (docs/accounts.md).
 */
public interface LoginRecorder {

    /**
     * Whether the account was deactivated (an official who left): such an account must not be let in, whatever its
     * credentials. Unknown accounts and accounts outside the directory (service accounts, {@code admin}) are not.
     */
    boolean isDeactivated(String userId);

    /**
     * Records a successful login ({@code door}: {@code password}, {@code oidc}, ...). Cheap to call on every request:
     * an account's time is written at most once every few minutes per node.
     */
    void loggedIn(String userId, String door);
}
