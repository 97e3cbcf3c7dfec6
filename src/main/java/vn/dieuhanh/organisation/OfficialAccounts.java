package vn.dieuhanh.organisation;

/**
 * Registers officials: a Camunda user with membership in the groups of their unit, division and role, plus the
 * directory entry. Registering an existing official updates the entry and memberships (the groups of a former unit,
 * division or role are left) and keeps the password; a deactivated official registered again is active again.
 */
public interface OfficialAccounts {

    void register(Official official, String initialPassword);

    /**
     * Deactivates an official who left (docs/accounts.md): the directory entry stays (history names them) but is no
     * longer listed in their unit, every unit, division and role group membership is removed, and every login door
     * refuses the account ({@link vn.dieuhanh.platform.LoginRecorder#isDeactivated}). Returns false if the official was
     * unknown or already inactive.
     */
    boolean deactivate(String userId);

    /** Whether the official is in the directory and active. */
    boolean isActive(String userId);
}
