package vn.dieuhanh.organisation;

/**
 * Registers officials: a Camunda user with membership in the groups of their unit, division and role, plus the
 * directory entry. Registering an existing official updates the entry and memberships and keeps the password.
 */
public interface OfficialAccounts {

    void register(Official official, String initialPassword);
}
