package vn.dieuhanh.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dieuhanh.accounts.internal.ImportPlan.Change;
import vn.dieuhanh.accounts.internal.ImportPlan.RowResult;
import vn.dieuhanh.organisation.Role;

/**
 * The import's audit tables ({@code acc_import*}), the officials' phone and position ({@code acc_contact}), and the
 * directory snapshot the planner compares with (read from {@code org_*} and Camunda's users in a few statements).
 */
@Repository
class ImportRepository {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    ImportRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    ImportPlanner.DirectoryState directoryState() {
        Map<String, Person> officials = new HashMap<>();
        jdbc.sql("""
                        SELECT o.user_id, o.full_name, o.email, o.unit_code, o.division_code, o.role, o.active,
                               c.phone, c.job_title
                          FROM org_official o LEFT JOIN acc_contact c ON c.user_id = o.user_id""")
                .query((ResultSet rs) -> {
                    Person person = new Person(rs.getString("user_id"), rs.getString("full_name"),
                            rs.getString("email"), rs.getString("phone"), rs.getString("unit_code"),
                            rs.getString("division_code"), rs.getString("job_title"),
                            Role.valueOf(rs.getString("role")), rs.getBoolean("active"));
                    officials.put(person.userId(), person);
                });
        Set<String> users = new HashSet<>(jdbc.sql("SELECT ID_ FROM ACT_ID_USER").query(String.class).list());
        Set<String> units = new HashSet<>(jdbc.sql("SELECT code FROM org_unit WHERE active = TRUE")
                .query(String.class).list());
        Map<String, String> divisionUnits = new HashMap<>();
        Map<String, String> divisionNames = new HashMap<>();
        jdbc.sql("SELECT code, unit_code, name FROM org_division").query((ResultSet rs) -> {
            divisionUnits.put(rs.getString("code"), rs.getString("unit_code"));
            divisionNames.put(rs.getString("code"), rs.getString("name"));
        });
        return new ImportPlanner.DirectoryState(officials, users, units, divisionUnits, divisionNames);
    }

    void upsertContact(String userId, String phone, String jobTitle, OffsetDateTime now) {
        int updated = jdbc.sql("UPDATE acc_contact SET phone = ?, job_title = ?, updated_at = ? WHERE user_id = ?")
                .params(phone, jobTitle, now, userId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO acc_contact (user_id, phone, job_title, updated_at) VALUES (?, ?, ?, ?)")
                    .params(userId, phone, jobTitle, now).update();
        }
    }

    record ImportRecord(String id, String fileName, String fileHash, String status, int rowCount, int refusedCount,
                        int newCount, int movedCount, int changedCount, int leavingCount, int unchangedCount,
                        String previewedBy, OffsetDateTime previewedAt, String appliedBy, OffsetDateTime appliedAt) {
    }

    void insertImport(ImportRecord r) {
        jdbc.sql("""
                        INSERT INTO acc_import (id, file_name, file_hash, status, row_count, refused_count, new_count,
                                                moved_count, changed_count, leaving_count, unchanged_count,
                                                previewed_by, previewed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(r.id(), r.fileName(), r.fileHash(), r.status(), r.rowCount(), r.refusedCount(), r.newCount(),
                        r.movedCount(), r.changedCount(), r.leavingCount(), r.unchangedCount(), r.previewedBy(),
                        r.previewedAt())
                .update();
    }

    void insertRows(String importId, List<RowResult> rows) {
        template.batchUpdate("""
                        INSERT INTO acc_import_row (import_id, row_no, full_name, login, email, phone, unit_code,
                                                    division_code, job_title, role, error)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, 1000, (ps, result) -> {
            StaffRow row = result.row();
            ps.setString(1, importId);
            ps.setInt(2, row.rowNo());
            ps.setString(3, cut(row.fullName(), 1000));
            ps.setString(4, cut(row.login(), 300));
            ps.setString(5, cut(row.email(), 300));
            ps.setString(6, cut(row.phone(), 100));
            ps.setString(7, cut(row.unitCode(), 300));
            ps.setString(8, cut(row.division(), 300));
            ps.setString(9, cut(row.jobTitle(), 1000));
            ps.setString(10, cut(row.role(), 255));
            ps.setString(11, cut(result.error(), 2000));
        });
    }

    void insertChanges(String importId, List<Change> changes, Map<String, String> proposedHolders) {
        List<Object[]> args = new java.util.ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Change change = changes.get(i);
            args.add(new Object[] {importId, i + 1, change.kind().name(), change.userId(),
                    change.before() == null ? null : cut(change.before().describe(), 2000),
                    cut(change.summary(), 2000),
                    proposedHolders.get(change.userId())});
        }
        template.batchUpdate("INSERT INTO acc_import_change (import_id, seq, kind, user_id, before_val, after_val,"
                + " proposed_holder) VALUES (?, ?, ?, ?, ?, ?, ?)", args);
    }

    Optional<ImportRecord> find(String id) {
        return jdbc.sql("SELECT * FROM acc_import WHERE id = ?").param(id).query(ImportRepository::record).optional();
    }

    List<ImportRecord> recent(int limit) {
        return jdbc.sql("SELECT * FROM acc_import ORDER BY previewed_at DESC FETCH FIRST " + limit + " ROWS ONLY")
                .query(ImportRepository::record).list();
    }

    List<StaffRow> rows(String importId) {
        return jdbc.sql("""
                        SELECT row_no, full_name, login, email, phone, unit_code, division_code, job_title, role
                          FROM acc_import_row WHERE import_id = ? ORDER BY row_no""")
                .param(importId)
                .query((rs, n) -> new StaffRow(rs.getInt("row_no"), rs.getString("full_name"), rs.getString("login"),
                        rs.getString("email"), rs.getString("phone"), rs.getString("unit_code"),
                        rs.getString("division_code"), rs.getString("job_title"), rs.getString("role")))
                .list();
    }

    record StoredChange(int seq, String kind, String userId, String before, String after, String proposedHolder,
                        String handedTo, Integer handedItems) {
    }

    List<StoredChange> changes(String importId, int limit) {
        return jdbc.sql("SELECT * FROM acc_import_change WHERE import_id = ? ORDER BY seq FETCH FIRST " + limit
                        + " ROWS ONLY").param(importId)
                .query((rs, n) -> new StoredChange(rs.getInt("seq"), rs.getString("kind"), rs.getString("user_id"),
                        rs.getString("before_val"), rs.getString("after_val"), rs.getString("proposed_holder"),
                        rs.getString("handed_to"),
                        (Integer) rs.getObject("handed_items")))
                .list();
    }

    /** The refused rows of an import: row number and message. */
    List<Map.Entry<Integer, String>> refusedRows(String importId, int limit) {
        return jdbc.sql("SELECT row_no, error FROM acc_import_row WHERE import_id = ? AND error IS NOT NULL"
                        + " ORDER BY row_no FETCH FIRST " + limit + " ROWS ONLY")
                .param(importId)
                .query((rs, n) -> Map.entry(rs.getInt("row_no"), rs.getString("error"))).list();
    }

    /** PREVIEWED to APPLIED, once: false if another request applied (or the preview was refused) first. */
    boolean markApplied(String importId, String actor, OffsetDateTime at) {
        return jdbc.sql("UPDATE acc_import SET status = 'APPLIED', applied_by = ?, applied_at = ?"
                        + " WHERE id = ? AND status = 'PREVIEWED'")
                .params(actor, at, importId).update() == 1;
    }

    void recordHandover(String importId, String userId, String handedTo, int items) {
        jdbc.sql("UPDATE acc_import_change SET handed_to = ?, handed_items = ? WHERE import_id = ? AND user_id = ?")
                .params(handedTo, items, importId, userId).update();
    }

    private static ImportRecord record(ResultSet rs, int n) throws SQLException {
        return new ImportRecord(rs.getString("id"), rs.getString("file_name"), rs.getString("file_hash"),
                rs.getString("status"), rs.getInt("row_count"), rs.getInt("refused_count"), rs.getInt("new_count"),
                rs.getInt("moved_count"), rs.getInt("changed_count"), rs.getInt("leaving_count"),
                rs.getInt("unchanged_count"), rs.getString("previewed_by"),
                rs.getObject("previewed_at", OffsetDateTime.class), rs.getString("applied_by"),
                rs.getObject("applied_at", OffsetDateTime.class));
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
