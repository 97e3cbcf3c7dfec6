package vn.dieuhanh.accounts.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The administrators' accounts report: deactivated accounts (officials who left), the officials who logged in least
 * recently or never, accounts without a unit, units without a head. Temporary login locks (wrong passwords) are the
 * login throttle's, per node, at {@code GET /api/admin/security/login-failures}.
 */
@Repository
class AccountsReport {

    static final int LIMIT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    AccountsReport(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Account(String userId, String fullName, String unitCode, String unitName, OffsetDateTime lastLoginAt,
                   OffsetDateTime deactivatedAt) {
    }

    record UnitWithoutHead(String code, String name, int officials) {
    }

    record Report(OffsetDateTime at, int activeOfficials, int neverLoggedIn, List<Account> deactivated,
                  List<Account> leastRecentLogins, List<Account> withoutUnit, List<UnitWithoutHead> unitsWithoutHead) {
    }

    Report report() {
        int active = jdbc.sql("SELECT COUNT(*) FROM org_official WHERE active = TRUE").query(Integer.class).single();
        int never = jdbc.sql("""
                        SELECT COUNT(*) FROM org_official o
                         WHERE o.active = TRUE AND NOT EXISTS (SELECT 1 FROM org_login l WHERE l.user_id = o.user_id)""")
                .query(Integer.class).single();
        List<Account> deactivated = jdbc.sql("""
                        SELECT o.user_id, o.full_name, o.unit_code, u.name AS unit_name, l.last_login_at,
                               o.deactivated_at
                          FROM org_official o JOIN org_unit u ON u.code = o.unit_code
                          LEFT JOIN org_login l ON l.user_id = o.user_id
                         WHERE o.active = FALSE ORDER BY o.deactivated_at DESC, o.user_id
                         FETCH FIRST %d ROWS ONLY""".formatted(LIMIT))
                .query(AccountsReport::account).list();
        List<Account> logins = jdbc.sql("""
                        SELECT o.user_id, o.full_name, o.unit_code, u.name AS unit_name, l.last_login_at,
                               o.deactivated_at
                          FROM org_official o JOIN org_unit u ON u.code = o.unit_code
                          LEFT JOIN org_login l ON l.user_id = o.user_id
                         WHERE o.active = TRUE ORDER BY l.last_login_at ASC NULLS FIRST, o.user_id
                         FETCH FIRST %d ROWS ONLY""".formatted(LIMIT))
                .query(AccountsReport::account).list();
        List<Account> withoutUnit = jdbc.sql("""
                        SELECT a.ID_ AS user_id, TRIM(CONCAT(CONCAT(COALESCE(a.FIRST_, ''), ' '), COALESCE(a.LAST_, '')))
                               AS full_name, CAST(NULL AS VARCHAR(100)) AS unit_code,
                               CAST(NULL AS VARCHAR(255)) AS unit_name, l.last_login_at,
                               CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS deactivated_at
                          FROM ACT_ID_USER a LEFT JOIN org_login l ON l.user_id = a.ID_
                         WHERE NOT EXISTS (SELECT 1 FROM org_official o WHERE o.user_id = a.ID_)
                        UNION ALL
                        SELECT o.user_id, o.full_name, o.unit_code, u.name, l.last_login_at, o.deactivated_at
                          FROM org_official o JOIN org_unit u ON u.code = o.unit_code
                          LEFT JOIN org_login l ON l.user_id = o.user_id
                         WHERE o.active = TRUE AND u.active = FALSE
                         ORDER BY 1 FETCH FIRST %d ROWS ONLY""".formatted(LIMIT))
                .query(AccountsReport::account).list();
        List<UnitWithoutHead> headless = jdbc.sql("""
                        SELECT u.code, u.name,
                               (SELECT COUNT(*) FROM org_official o WHERE o.unit_code = u.code AND o.active = TRUE)
                               AS officials
                          FROM org_unit u
                         WHERE u.active = TRUE AND NOT EXISTS (SELECT 1 FROM org_official h WHERE h.unit_code = u.code
                                   AND h.active = TRUE AND h.role = 'HEAD')
                         ORDER BY u.sort_order""")
                .query((rs, n) -> new UnitWithoutHead(rs.getString("code"), rs.getString("name"),
                        rs.getInt("officials")))
                .list();
        return new Report(OffsetDateTime.now(clock), active, never, deactivated, logins, withoutUnit, headless);
    }

    private static Account account(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Account(rs.getString("user_id"), rs.getString("full_name"), rs.getString("unit_code"),
                rs.getString("unit_name"), rs.getObject("last_login_at", OffsetDateTime.class),
                rs.getObject("deactivated_at", OffsetDateTime.class));
    }
}
