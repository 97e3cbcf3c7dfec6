package vn.dieuhanh.platform.sso;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * The production profile on PostgreSQL with single sign-on configured against the test's Keycloak
 * ({@link KeycloakServer}): one extra application context, shared by every subclass (same property sources), with the
 * groups claim cross-check on ({@code dieuhanh.sso.groups-claim=groups}).
 *
 * <p>Officials here and at the provider (realm {@code src/test/resources/sso/dieuhanh-realm.json}):
 * <ul>
 *   <li>{@code sso-ben-thanh.officer}: officer of Bến Thành here; at the provider also in {@code camunda-admin}
 *       (which must not make him an administrator here).</li>
 *   <li>{@code sso-sai-gon.officer}: officer of Sài Gòn, the other ward.</li>
 *   <li>{@code sso-ben-thanh.head}: head of Bến Thành here; the provider lists only the unit group, so
 *       {@code role-head} is withdrawn from his single sign-on logins.</li>
 *   <li>{@code sso-stranger}: only at the provider, no account here.</li>
 * </ul>
 */
@PostgresIntegrationTest
abstract class SsoIntegrationTest {

    static final String BEN_THANH_OFFICER = "sso-ben-thanh.officer";
    static final String SAI_GON_OFFICER = "sso-sai-gon.officer";
    static final String BEN_THANH_HEAD = "sso-ben-thanh.head";
    static final String STRANGER = "sso-stranger";
    /** Their passwords here (HTTP Basic), not the provider's. */
    static final String LOCAL_PASSWORD = "Can-Bo-Phuong-2026!";

    @DynamicPropertySource
    static void singleSignOn(DynamicPropertyRegistry registry) {
        registry.add("dieuhanh.sso.issuer-uri", () -> KeycloakServer.get().issuer());
        registry.add("dieuhanh.sso.client-id", () -> KeycloakServer.CLIENT_ID);
        registry.add("dieuhanh.sso.client-secret", () -> KeycloakServer.CLIENT_SECRET);
        registry.add("dieuhanh.sso.groups-claim", () -> "groups");
    }

    @Autowired
    OfficialAccounts accounts;
    @LocalServerPort
    int port;
    KeycloakServer keycloak;

    @BeforeEach
    void officials() {
        keycloak = KeycloakServer.get();
        accounts.register(new Official(BEN_THANH_OFFICER, "Lê Văn Cường", null, "phuong-ben-thanh", null,
                Role.OFFICER), LOCAL_PASSWORD);
        accounts.register(new Official(SAI_GON_OFFICER, "Phạm Thị Dung", null, "phuong-sai-gon", null,
                Role.OFFICER), LOCAL_PASSWORD);
        accounts.register(new Official(BEN_THANH_HEAD, "Nguyễn Văn Bình", null, "phuong-ben-thanh", null,
                Role.HEAD), LOCAL_PASSWORD);
    }
}
