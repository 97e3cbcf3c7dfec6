package vn.dieuhanh.directive.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DirectiveRepository {

    private final JdbcClient jdbc;

    DirectiveRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DirectiveRecord d) {
        jdbc.sql("""
                        INSERT INTO asg_directive (id, source, document_number, issued_on, received_on, summary,
                               urgency, attachment_ref, registered_by, registered_at, process_instance_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.source(), d.documentNumber(), d.issuedOn(), d.receivedOn(), d.summary(),
                        d.urgency(), d.attachmentRef(), d.registeredBy(), d.registeredAt(), d.processInstanceId())
                .update();
    }

    void markAssigned(String id, String assignedBy, OffsetDateTime deadline) {
        jdbc.sql("UPDATE asg_directive SET assigned_by = ?, deadline = ? WHERE id = ?")
                .params(assignedBy, deadline, id).update();
    }

    void markClosed(String id, OffsetDateTime at) {
        jdbc.sql("UPDATE asg_directive SET closed_at = ? WHERE id = ? AND closed_at IS NULL").params(at, id).update();
    }

    void recordCloseDecision(String id, String decidedBy, String decision, String reason) {
        jdbc.sql("UPDATE asg_directive SET close_decided_by = ?, close_decision = ?, close_reason = ? WHERE id = ?")
                .params(decidedBy, decision, reason, id).update();
    }

    Optional<DirectiveRecord> find(String id) {
        return findWhere("id", id);
    }

    Optional<DirectiveRecord> findByProcessInstance(String processInstanceId) {
        return findWhere("process_instance_id", processInstanceId);
    }

    /** The units holding one of the directive's assignments (lead or coordinating). */
    java.util.List<String> assignedUnits(String directiveId) {
        return jdbc.sql("SELECT DISTINCT unit_code FROM asg_assignment WHERE directive_id = ?").param(directiveId)
                .query(String.class).list();
    }

    /** The directive already registered under this issuer, number and date (unique key asg_directive_document_uk). */
    Optional<String> idOfDocument(String source, String documentNumber, LocalDate issuedOn) {
        return jdbc.sql("SELECT id FROM asg_directive WHERE source = ? AND document_number = ? AND issued_on = ?")
                .params(source, documentNumber, issuedOn).query(String.class).optional();
    }

    private Optional<DirectiveRecord> findWhere(String column, String value) {
        return jdbc.sql("SELECT * FROM asg_directive WHERE " + column + " = ?").param(value)
                .query((rs, n) -> new DirectiveRecord(rs.getString("id"), rs.getString("source"),
                        rs.getString("document_number"), rs.getObject("issued_on", LocalDate.class),
                        rs.getObject("received_on", LocalDate.class), rs.getString("summary"),
                        rs.getString("urgency"), rs.getString("attachment_ref"), rs.getString("registered_by"),
                        rs.getObject("registered_at", OffsetDateTime.class), rs.getString("assigned_by"),
                        rs.getObject("deadline", OffsetDateTime.class), rs.getObject("closed_at", OffsetDateTime.class),
                        rs.getString("process_instance_id"), rs.getString("close_decided_by"),
                        rs.getString("close_decision"), rs.getString("close_reason")))
                .optional();
    }

    record DirectiveRecord(String id, String source, String documentNumber, LocalDate issuedOn, LocalDate receivedOn,
                           String summary, String urgency, String attachmentRef, String registeredBy,
                           OffsetDateTime registeredAt, String assignedBy, OffsetDateTime deadline,
                           OffsetDateTime closedAt, String processInstanceId, String closeDecidedBy,
                           String closeDecision, String closeReason) {

        DirectiveRecord(String id, String source, String documentNumber, LocalDate issuedOn, LocalDate receivedOn,
                        String summary, String urgency, String attachmentRef, String registeredBy,
                        OffsetDateTime registeredAt, String assignedBy, OffsetDateTime deadline,
                        OffsetDateTime closedAt, String processInstanceId) {
            this(id, source, documentNumber, issuedOn, receivedOn, summary, urgency, attachmentRef, registeredBy,
                    registeredAt, assignedBy, deadline, closedAt, processInstanceId, null, null, null);
        }
    }
}
