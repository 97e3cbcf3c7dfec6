package vn.dieuhanh.dossier.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import vn.dieuhanh.dossier.DossierStatus;

/** SQL of {@code dos_dossier} and {@code dos_event}. */
@Repository
class DossierRepository {

    /** One status change or notice of a dossier. */
    record Event(String kind, DossierStatus status, Instant at, String actor, Instant appointmentAt, String note) {
    }

    /** Counts of one group (reception point, unit or procedure) for oversight. */
    record Counts(String key, long received, long onTime, long late, long paused, long refused, long open) {
    }

    private static final String COLUMNS = """
            id, code, secret_hash, procedure_code, reception_point, unit_code, status, received_at, received_by,
            statutory_minutes, appointment_at, first_appointment_at, remaining_minutes, paused_at, decided_at,
            returned_at, late, apologies, outcome, reason, return_by_post, applicant_name, applicant_contact, papers,
            process_instance_id""";

    private final JdbcClient jdbc;

    DossierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String code, String secretHash, String procedureCode, String receptionPoint, String unitCode,
                Instant receivedAt, String receivedBy, int statutoryMinutes, Instant appointmentAt,
                boolean returnByPost, String applicantName, String applicantContact, String papers) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        INSERT INTO dos_dossier (code, secret_hash, procedure_code, reception_point, unit_code, status,
                            received_at, received_by, statutory_minutes, appointment_at, first_appointment_at,
                            return_by_post, applicant_name, applicant_contact, papers)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(code, secretHash, procedureCode, receptionPoint, unitCode, DossierStatus.RECEIVED.name(),
                        utc(receivedAt), receivedBy, statutoryMinutes, utc(appointmentAt), utc(appointmentAt),
                        returnByPost, applicantName, applicantContact, papers)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<DossierRecord> byCode(String code) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dos_dossier WHERE code = ?").param(code)
                .query(DossierRepository::map).optional();
    }

    Optional<DossierRecord> byProcessInstance(String processInstanceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM dos_dossier WHERE process_instance_id = ?")
                .param(processInstanceId).query(DossierRepository::map).optional();
    }

    /** Binds the dossier to its process instance, once. */
    boolean bindProcess(String code, String processInstanceId) {
        return jdbc.sql("UPDATE dos_dossier SET process_instance_id = ? WHERE code = ? AND process_instance_id IS NULL")
                .params(processInstanceId, code).update() == 1;
    }

    void setStatus(long id, DossierStatus status) {
        jdbc.sql("UPDATE dos_dossier SET status = ? WHERE id = ?").params(status.name(), id).update();
    }

    void pause(long id, Instant at, int remainingMinutes) {
        jdbc.sql("UPDATE dos_dossier SET status = ?, paused_at = ?, remaining_minutes = ? WHERE id = ?")
                .params(DossierStatus.SUPPLEMENT_REQUESTED.name(), utc(at), remainingMinutes, id).update();
    }

    /** The clock resumes: the new appointment is also the new baseline for timeliness (apologies do not move it). */
    void resume(long id, Instant appointmentAt) {
        jdbc.sql("""
                        UPDATE dos_dossier SET status = ?, paused_at = NULL, remaining_minutes = NULL, appointment_at = ?,
                               first_appointment_at = ?
                         WHERE id = ?""")
                .params(DossierStatus.IN_PROGRESS.name(), utc(appointmentAt), utc(appointmentAt), id).update();
    }

    void apologise(long id, Instant newAppointment) {
        jdbc.sql("UPDATE dos_dossier SET apologies = apologies + 1, appointment_at = ? WHERE id = ?")
                .params(utc(newAppointment), id).update();
    }

    /** Marks the dossier late; true the first time. */
    boolean markLate(long id) {
        return jdbc.sql("UPDATE dos_dossier SET late = TRUE WHERE id = ? AND late = FALSE").param(id).update() == 1;
    }

    void decide(long id, DossierStatus status, String outcome, String reason, Instant at) {
        jdbc.sql("UPDATE dos_dossier SET status = ?, outcome = ?, reason = ?, decided_at = ? WHERE id = ?")
                .params(status.name(), outcome, reason, utc(at), id).update();
    }

    void returned(long id, Instant at, boolean byPost) {
        jdbc.sql("UPDATE dos_dossier SET status = ?, returned_at = ?, return_by_post = ? WHERE id = ?")
                .params(DossierStatus.RETURNED.name(), utc(at), byPost, id).update();
    }

    void event(long dossierId, String kind, DossierStatus status, Instant at, String actor, Instant appointmentAt,
               String note) {
        jdbc.sql("""
                        INSERT INTO dos_event (dossier_id, kind, status, at, actor, appointment_at, note)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")
                .params(dossierId, kind, status.name(), utc(at), actor,
                        appointmentAt == null ? null : utc(appointmentAt), note)
                .update();
    }

    List<Event> events(long dossierId) {
        return jdbc.sql("SELECT kind, status, at, actor, appointment_at, note FROM dos_event WHERE dossier_id = ? "
                        + "ORDER BY id")
                .param(dossierId)
                .query((rs, n) -> new Event(rs.getString("kind"), DossierStatus.valueOf(rs.getString("status")),
                        instant(rs, "at"), rs.getString("actor"), instant(rs, "appointment_at"),
                        rs.getString("note")))
                .list();
    }

    /**
     * Counts per {@code reception_point}, {@code unit_code} or {@code procedure_code} of the dossiers received in
     * [from, to). On time / late count dossiers whose result or refusal was decided.
     */
    List<Counts> counts(String groupColumn, Instant from, Instant to) {
        if (!List.of("reception_point", "unit_code", "procedure_code").contains(groupColumn)) {
            throw new IllegalArgumentException(groupColumn);
        }
        return jdbc.sql("SELECT " + groupColumn + " AS k, COUNT(*) AS received,"
                        + " SUM(CASE WHEN decided_at IS NOT NULL AND NOT late THEN 1 ELSE 0 END) AS on_time,"
                        + " SUM(CASE WHEN late THEN 1 ELSE 0 END) AS late_count,"
                        + " SUM(CASE WHEN status = 'SUPPLEMENT_REQUESTED' THEN 1 ELSE 0 END) AS paused,"
                        + " SUM(CASE WHEN outcome = 'refusal' THEN 1 ELSE 0 END) AS refused,"
                        + " SUM(CASE WHEN decided_at IS NULL THEN 1 ELSE 0 END) AS open_count"
                        + " FROM dos_dossier WHERE received_at >= ? AND received_at < ?"
                        + " GROUP BY " + groupColumn + " ORDER BY " + groupColumn)
                .params(utc(from), utc(to))
                .query((rs, n) -> new Counts(rs.getString("k"), rs.getLong("received"), rs.getLong("on_time"),
                        rs.getLong("late_count"), rs.getLong("paused"), rs.getLong("refused"),
                        rs.getLong("open_count")))
                .list();
    }

    /** A dossier as a queue lists it. */
    record QueueItem(String code, String procedureCode, String receptionPoint, String unitCode, DossierStatus status,
                     Instant receivedAt, Instant appointmentAt, boolean late, String applicantName) {
    }

    /**
     * Open dossiers of these reception points (or, with {@code byUnit}, of these competent units) in these statuses,
     * the nearest appointment first, at most {@code limit}.
     */
    List<QueueItem> queue(boolean byUnit, List<String> keys, List<DossierStatus> statuses, int limit) {
        if (keys.isEmpty() || statuses.isEmpty()) {
            return List.of();
        }
        String column = byUnit ? "unit_code" : "reception_point";
        return jdbc.sql("SELECT code, procedure_code, reception_point, unit_code, status, received_at, appointment_at,"
                        + " late, applicant_name FROM dos_dossier WHERE " + column + " IN (:keys) AND status IN"
                        + " (:statuses) ORDER BY appointment_at, id LIMIT :limit")
                .param("keys", keys).param("statuses", statuses.stream().map(Enum::name).toList())
                .param("limit", limit)
                .query((rs, n) -> new QueueItem(rs.getString("code"), rs.getString("procedure_code"),
                        rs.getString("reception_point"), rs.getString("unit_code"),
                        DossierStatus.valueOf(rs.getString("status")), instant(rs, "received_at"),
                        instant(rs, "appointment_at"), rs.getBoolean("late"), rs.getString("applicant_name")))
                .list();
    }

    private static DossierRecord map(ResultSet rs, int n) throws SQLException {
        int remaining = rs.getInt("remaining_minutes");
        Integer remainingMinutes = rs.wasNull() ? null : remaining;
        return new DossierRecord(rs.getLong("id"), rs.getString("code"), rs.getString("secret_hash"),
                rs.getString("procedure_code"), rs.getString("reception_point"), rs.getString("unit_code"),
                DossierStatus.valueOf(rs.getString("status")), instant(rs, "received_at"), rs.getString("received_by"),
                rs.getInt("statutory_minutes"), instant(rs, "appointment_at"), instant(rs, "first_appointment_at"),
                remainingMinutes, instant(rs, "paused_at"), instant(rs, "decided_at"), instant(rs, "returned_at"),
                rs.getBoolean("late"), rs.getInt("apologies"), rs.getString("outcome"), rs.getString("reason"),
                rs.getBoolean("return_by_post"), rs.getString("applicant_name"), rs.getString("applicant_contact"),
                rs.getString("papers"), rs.getString("process_instance_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
