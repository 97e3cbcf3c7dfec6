package vn.dieuhanh.organisation.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitKind;

/** The directory tables ({@code org_*}); upserts are written as update-then-insert to run on PostgreSQL and H2. */
@Repository
class DirectoryRepository {

    private static final String UNIT_COLUMNS = "code, name, kind, parent_code";
    private static final String OFFICIAL_COLUMNS = "user_id, full_name, email, unit_code, division_code, role";

    private final JdbcClient jdbc;
    private final Clock clock;

    DirectoryRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void upsertUnit(Unit unit, int sortOrder) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("""
                        UPDATE org_unit SET name = ?, kind = ?, parent_code = ?, sort_order = ?, active = TRUE,
                               updated_at = ?
                         WHERE code = ?""")
                .params(unit.name(), unit.kind().name(), unit.parentCode(), sortOrder, now, unit.code())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO org_unit (code, name, kind, parent_code, sort_order, active, updated_at)
                            VALUES (?, ?, ?, ?, ?, TRUE, ?)""")
                    .params(unit.code(), unit.name(), unit.kind().name(), unit.parentCode(), sortOrder, now)
                    .update();
        }
    }

    int deactivateUnitsNotIn(Collection<String> codes) {
        List<String> inactive = jdbc.sql("SELECT code FROM org_unit WHERE active = TRUE").query(String.class).list()
                .stream().filter(code -> !codes.contains(code)).toList();
        inactive.forEach(code -> jdbc.sql("UPDATE org_unit SET active = FALSE, updated_at = ? WHERE code = ?")
                .params(OffsetDateTime.now(clock), code).update());
        return inactive.size();
    }

    void upsertDivision(Division division) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("UPDATE org_division SET unit_code = ?, name = ?, updated_at = ? WHERE code = ?")
                .params(division.unitCode(), division.name(), now, division.code())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO org_division (code, unit_code, name, updated_at) VALUES (?, ?, ?, ?)")
                    .params(division.code(), division.unitCode(), division.name(), now)
                    .update();
        }
    }

    void upsertOfficial(Official official) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("""
                        UPDATE org_official SET full_name = ?, email = ?, unit_code = ?, division_code = ?, role = ?,
                               updated_at = ?, active = TRUE, deactivated_at = NULL
                         WHERE user_id = ?""")
                .params(official.fullName(), official.email(), official.unitCode(), official.divisionCode(),
                        official.role().name(), now, official.userId())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO org_official (user_id, full_name, email, unit_code, division_code, role,
                                                      updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?)""")
                    .params(official.userId(), official.fullName(), official.email(), official.unitCode(),
                            official.divisionCode(), official.role().name(), now)
                    .update();
        }
    }

    /** Marks a leaver: kept (history names them), never listed as a unit's official again, refused at login. */
    boolean deactivateOfficial(String userId) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("UPDATE org_official SET active = FALSE, deactivated_at = ?, updated_at = ?"
                        + " WHERE user_id = ? AND active = TRUE")
                .params(now, now, userId).update() > 0;
    }

    boolean isActiveOfficial(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM org_official WHERE user_id = ? AND active = TRUE").param(userId)
                .query(Integer.class).single() > 0;
    }

    Optional<String> importedChecksum(String source) {
        return jdbc.sql("SELECT checksum FROM org_import WHERE source = ?").param(source).query(String.class).optional();
    }

    void recordImport(String source, String checksum, int rowCount) {
        int updated = jdbc.sql("UPDATE org_import SET checksum = ?, row_count = ?, imported_at = ? WHERE source = ?")
                .params(checksum, rowCount, OffsetDateTime.now(clock), source).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO org_import (source, checksum, row_count, imported_at) VALUES (?, ?, ?, ?)")
                    .params(source, checksum, rowCount, OffsetDateTime.now(clock)).update();
        }
    }

    List<Unit> activeUnits() {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM org_unit WHERE active = TRUE ORDER BY sort_order")
                .query(DirectoryRepository::unit).list();
    }

    List<Unit> activeUnits(UnitKind kind) {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM org_unit WHERE active = TRUE AND kind = ? ORDER BY sort_order")
                .param(kind.name()).query(DirectoryRepository::unit).list();
    }

    Optional<Unit> unit(String code) {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM org_unit WHERE code = ? AND active = TRUE")
                .param(code).query(DirectoryRepository::unit).optional();
    }

    List<Unit> children(String code) {
        return jdbc.sql("SELECT " + UNIT_COLUMNS
                        + " FROM org_unit WHERE parent_code = ? AND active = TRUE ORDER BY sort_order")
                .param(code).query(DirectoryRepository::unit).list();
    }

    List<Division> divisions(String unitCode) {
        return jdbc.sql("SELECT code, unit_code, name FROM org_division WHERE unit_code = ? ORDER BY code")
                .param(unitCode)
                .query((rs, n) -> new Division(rs.getString("code"), rs.getString("unit_code"), rs.getString("name")))
                .list();
    }

    Optional<Division> division(String code) {
        return jdbc.sql("SELECT code, unit_code, name FROM org_division WHERE code = ?")
                .param(code)
                .query((rs, n) -> new Division(rs.getString("code"), rs.getString("unit_code"), rs.getString("name")))
                .optional();
    }

    List<Official> officials(String unitCode) {
        return jdbc.sql("SELECT " + OFFICIAL_COLUMNS
                        + " FROM org_official WHERE unit_code = ? AND active = TRUE ORDER BY role, user_id")
                .param(unitCode).query(DirectoryRepository::official).list();
    }

    Optional<Official> official(String userId) {
        return jdbc.sql("SELECT " + OFFICIAL_COLUMNS + " FROM org_official WHERE user_id = ?")
                .param(userId).query(DirectoryRepository::official).optional();
    }

    /** The officials with these ids (unknown ids are left out), read in chunks of at most 500 ids per statement. */
    List<Official> officials(Collection<String> userIds) {
        List<String> ids = userIds.stream().filter(java.util.Objects::nonNull).distinct().toList();
        List<Official> result = new java.util.ArrayList<>();
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            String in = String.join(", ", chunk.stream().map(id -> "?").toList());
            result.addAll(jdbc.sql("SELECT " + OFFICIAL_COLUMNS + " FROM org_official WHERE user_id IN (" + in + ")")
                    .params(List.copyOf(chunk)).query(DirectoryRepository::official).list());
        }
        return result;
    }

    private static Unit unit(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Unit(rs.getString("code"), rs.getString("name"), UnitKind.valueOf(rs.getString("kind")),
                rs.getString("parent_code"));
    }

    private static Official official(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new Official(rs.getString("user_id"), rs.getString("full_name"), rs.getString("email"),
                rs.getString("unit_code"), rs.getString("division_code"), Role.valueOf(rs.getString("role")));
    }
}
