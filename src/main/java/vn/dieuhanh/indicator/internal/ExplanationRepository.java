package vn.dieuhanh.indicator.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables {@code ind_explanation_request} and {@code ind_explanation_round}. */
@Repository
class ExplanationRepository {

    record RequestRow(String id, String indicatorCode, String catalogueVersion, String unitCode, String period,
                      String question, int workingDays, OffsetDateTime deadline, String requestedBy,
                      OffsetDateTime requestedAt, String status, int round, OffsetDateTime overdueNotifiedAt,
                      OffsetDateTime closedAt, String processInstanceId) {
    }

    record RoundRow(int round, String question, OffsetDateTime deadline, String explanation, String explainedBy,
                    OffsetDateTime explainedAt, Boolean accepted, String reviewNote, String reviewedBy,
                    OffsetDateTime reviewedAt) {
    }

    private static final String COLUMNS = "id, indicator_code, catalogue_version, unit_code, period, question, "
            + "working_days, deadline, requested_by, requested_at, status, round_number, overdue_notified_at, "
            + "closed_at, process_instance_id";

    private final JdbcClient jdbc;

    ExplanationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RequestRow r) {
        jdbc.sql("INSERT INTO ind_explanation_request (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?)")
                .params(r.id(), r.indicatorCode(), r.catalogueVersion(), r.unitCode(), r.period(), r.question(),
                        r.workingDays(), r.deadline(), r.requestedBy(), r.requestedAt(), r.status(), r.round(),
                        r.overdueNotifiedAt(), r.closedAt(), r.processInstanceId())
                .update();
        insertRound(r.id(), r.round(), r.question(), r.deadline());
    }

    void insertRound(String requestId, int round, String question, OffsetDateTime deadline) {
        jdbc.sql("INSERT INTO ind_explanation_round (request_id, round_number, question, deadline) VALUES (?, ?, ?, ?)")
                .params(requestId, round, question, deadline).update();
    }

    void attachProcess(String id, String processInstanceId) {
        jdbc.sql("UPDATE ind_explanation_request SET process_instance_id = ? WHERE id = ?")
                .params(processInstanceId, id).update();
    }

    Optional<RequestRow> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ind_explanation_request WHERE process_instance_id = ?")
                .param(processInstanceId).query(ExplanationRepository::request).optional();
    }

    Optional<RequestRow> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ind_explanation_request WHERE id = ?").param(id)
                .query(ExplanationRepository::request).optional();
    }

    List<RequestRow> list(String unitCode, String status) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM ind_explanation_request WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (unitCode != null) {
            sql.append(" AND unit_code = ?");
            params.add(unitCode);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        sql.append(" ORDER BY requested_at DESC, id");
        return jdbc.sql(sql.toString()).params(params).query(ExplanationRepository::request).list();
    }

    List<RoundRow> rounds(String requestId) {
        return jdbc.sql("SELECT round_number, question, deadline, explanation, explained_by, explained_at, accepted, "
                        + "review_note, reviewed_by, reviewed_at FROM ind_explanation_round WHERE request_id = ? "
                        + "ORDER BY round_number")
                .param(requestId)
                .query((rs, n) -> new RoundRow(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class),
                        rs.getString(4), rs.getString(5), rs.getObject(6, OffsetDateTime.class),
                        (Boolean) rs.getObject(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, OffsetDateTime.class)))
                .list();
    }

    void recordExplanation(String id, int round, String explanation, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE ind_explanation_round SET explanation = ?, explained_by = ?, explained_at = ? "
                + "WHERE request_id = ? AND round_number = ?").params(explanation, by, at, id, round).update();
        jdbc.sql("UPDATE ind_explanation_request SET status = ? WHERE id = ?")
                .params(ExplanationStatus.ANSWERED.name(), id).update();
    }

    void recordReview(String id, int round, boolean accepted, String note, String by, OffsetDateTime at) {
        jdbc.sql("UPDATE ind_explanation_round SET accepted = ?, review_note = ?, reviewed_by = ?, reviewed_at = ? "
                + "WHERE request_id = ? AND round_number = ?").params(accepted, note, by, at, id, round).update();
        if (accepted) {
            jdbc.sql("UPDATE ind_explanation_request SET status = ?, closed_at = ? WHERE id = ?")
                    .params(ExplanationStatus.ACCEPTED.name(), at, id).update();
        }
    }

    void askAgain(String id, int round, String question, OffsetDateTime deadline) {
        jdbc.sql("UPDATE ind_explanation_request SET status = ?, round_number = ?, deadline = ?, "
                        + "overdue_notified_at = NULL WHERE id = ?")
                .params(ExplanationStatus.OPEN.name(), round, deadline, id).update();
        insertRound(id, round, question, deadline);
    }

    void markOverdueNotified(String id, OffsetDateTime at) {
        jdbc.sql("UPDATE ind_explanation_request SET overdue_notified_at = ? WHERE id = ? "
                + "AND overdue_notified_at IS NULL").params(at, id).update();
    }

    private static RequestRow request(ResultSet rs, int n) throws SQLException {
        return new RequestRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getInt(7), rs.getObject(8, OffsetDateTime.class), rs.getString(9),
                rs.getObject(10, OffsetDateTime.class), rs.getString(11), rs.getInt(12),
                rs.getObject(13, OffsetDateTime.class), rs.getObject(14, OffsetDateTime.class), rs.getString(15));
    }
}
