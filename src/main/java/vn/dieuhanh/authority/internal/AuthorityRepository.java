package vn.dieuhanh.authority.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** The tables {@code auth_*} (migration V17). Upserts are update-then-insert, to run on PostgreSQL and H2. */
@Repository
class AuthorityRepository {

    record DelegationRow(String id, String unitCode, String decisionNumber, LocalDate decisionDate,
                         LocalDate validFrom, LocalDate validTo, String status, String draftedBy,
                         OffsetDateTime draftedAt, String grantor, OffsetDateTime signedAt, String decisionNote,
                         String endedBy, OffsetDateTime endedAt, String endReason, String confirmedBy,
                         OffsetDateTime confirmedAt, String processInstanceId) {
    }

    record Delegate(String userId, String fullName) {
    }

    record RequestRow(String id, String unitCode, String taskCode, String applicantName, String applicantIdNumber,
                      int copies, int pages, long fee, String receivedBy, OffsetDateTime receivedAt,
                      OffsetDateTime deadline, String status, String routedTo, String signer, String signerName,
                      String delegationId, String signatureBlock, String registerBook, Integer registerYear,
                      Integer registerNumber, OffsetDateTime decidedAt, String refusalReason,
                      String processInstanceId) {
    }

    record WardSetting(String unitCode, boolean contractsMovedToNotary, String chairmanUserId) {
    }

    record AuditRow(OffsetDateTime at, String actor, String unitCode, String action, String subjectId,
                    String detail) {
    }

    private static final String DELEGATION_COLUMNS = "id, unit_code, decision_number, decision_date, valid_from, "
            + "valid_to, status, drafted_by, drafted_at, grantor, signed_at, decision_note, ended_by, ended_at, "
            + "end_reason, confirmed_by, confirmed_at, process_instance_id";
    private static final String REQUEST_COLUMNS = "id, unit_code, task_code, applicant_name, applicant_id_number, "
            + "copies, pages, fee, received_by, received_at, deadline, status, routed_to, signer, signer_name, "
            + "delegation_id, signature_block, register_book, register_year, register_number, decided_at, "
            + "refusal_reason, process_instance_id";

    private final JdbcClient jdbc;
    private final TransactionTemplate newTransaction;

    AuthorityRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // --- reference data and ward settings

    void upsertTask(CertificationTask t) {
        int updated = jdbc.sql("UPDATE auth_certification_task SET clause = ?, name = ?, legal_basis = ?, "
                        + "task_group = ?, register_book = ?, same_day = ?, working_days = ?, confirmed = ? "
                        + "WHERE code = ?")
                .params(t.clause(), t.name(), t.legalBasis(), t.group(), t.registerBook(), t.sameDay(),
                        t.workingDays(), t.confirmed(), t.code())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO auth_certification_task (code, clause, name, legal_basis, task_group, "
                            + "register_book, same_day, working_days, confirmed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(t.code(), t.clause(), t.name(), t.legalBasis(), t.group(), t.registerBook(),
                            t.sameDay(), t.workingDays(), t.confirmed())
                    .update();
        }
    }

    Optional<WardSetting> wardSetting(String unitCode) {
        return jdbc.sql("SELECT unit_code, contracts_moved_to_notary, chairman_user_id FROM auth_ward_setting "
                        + "WHERE unit_code = ?").param(unitCode)
                .query((rs, n) -> new WardSetting(rs.getString(1), rs.getBoolean(2), rs.getString(3))).optional();
    }

    void saveWardSetting(WardSetting setting, String actor, OffsetDateTime at) {
        int updated = jdbc.sql("UPDATE auth_ward_setting SET contracts_moved_to_notary = ?, chairman_user_id = ?, "
                        + "updated_by = ?, updated_at = ? WHERE unit_code = ?")
                .params(setting.contractsMovedToNotary(), setting.chairmanUserId(), actor, at, setting.unitCode())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO auth_ward_setting (unit_code, contracts_moved_to_notary, chairman_user_id, "
                            + "updated_by, updated_at) VALUES (?, ?, ?, ?, ?)")
                    .params(setting.unitCode(), setting.contractsMovedToNotary(), setting.chairmanUserId(), actor, at)
                    .update();
        }
    }

    // --- delegations

    void insertDelegation(DelegationRow d, List<Delegate> delegates, List<String> scope) {
        jdbc.sql("INSERT INTO auth_delegation (" + DELEGATION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?)")
                .params(d.id(), d.unitCode(), d.decisionNumber(), d.decisionDate(), d.validFrom(), d.validTo(),
                        d.status(), d.draftedBy(), d.draftedAt(), d.grantor(), d.signedAt(), d.decisionNote(),
                        d.endedBy(), d.endedAt(), d.endReason(), d.confirmedBy(), d.confirmedAt(),
                        d.processInstanceId())
                .update();
        for (Delegate delegate : delegates) {
            jdbc.sql("INSERT INTO auth_delegate (delegation_id, user_id, full_name) VALUES (?, ?, ?)")
                    .params(d.id(), delegate.userId(), delegate.fullName()).update();
        }
        for (String code : scope) {
            jdbc.sql("INSERT INTO auth_delegation_scope (delegation_id, task_code) VALUES (?, ?)")
                    .params(d.id(), code).update();
        }
    }

    boolean decisionNumberTaken(String unitCode, String decisionNumber) {
        return jdbc.sql("SELECT COUNT(*) FROM auth_delegation WHERE unit_code = ? AND decision_number = ?")
                .params(unitCode, decisionNumber).query(Integer.class).single() > 0;
    }

    void attachDelegationProcess(String id, String processInstanceId) {
        jdbc.sql("UPDATE auth_delegation SET process_instance_id = ? WHERE id = ? AND process_instance_id IS NULL")
                .params(processInstanceId, id).update();
    }

    Optional<DelegationRow> delegation(String id) {
        return jdbc.sql("SELECT " + DELEGATION_COLUMNS + " FROM auth_delegation WHERE id = ?").param(id)
                .query(AuthorityRepository::delegationRow).optional();
    }

    /** The row, locked until the transaction ends (a revocation and an expiry or decision do not interleave). */
    Optional<DelegationRow> lockDelegation(String id) {
        return jdbc.sql("SELECT " + DELEGATION_COLUMNS + " FROM auth_delegation WHERE id = ? FOR UPDATE").param(id)
                .query(AuthorityRepository::delegationRow).optional();
    }

    Optional<DelegationRow> delegationOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT " + DELEGATION_COLUMNS + " FROM auth_delegation WHERE process_instance_id = ?")
                .param(processInstanceId).query(AuthorityRepository::delegationRow).optional();
    }

    List<DelegationRow> delegations(String unitCode) {
        return jdbc.sql("SELECT " + DELEGATION_COLUMNS + " FROM auth_delegation WHERE unit_code = ? "
                        + "ORDER BY drafted_at DESC, id").param(unitCode)
                .query(AuthorityRepository::delegationRow).list();
    }

    /**
     * Delegations of every ward (or of one), optionally of one status, newest first, at most {@code limit} (the
     * Department of Justice's report).
     */
    List<DelegationRow> delegationsCitywide(String unitCode, String status, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + DELEGATION_COLUMNS + " FROM auth_delegation WHERE 1 = 1");
        List<Object> params = new java.util.ArrayList<>();
        if (unitCode != null) {
            sql.append(" AND unit_code = ?");
            params.add(unitCode);
        }
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status);
        }
        sql.append(" ORDER BY unit_code, drafted_at DESC, id LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query(AuthorityRepository::delegationRow).list();
    }

    List<DelegationRow> delegationsInStatus(String unitCode, String status) {
        return jdbc.sql("SELECT " + DELEGATION_COLUMNS + " FROM auth_delegation WHERE unit_code = ? AND status = ? "
                        + "ORDER BY id").params(unitCode, status)
                .query(AuthorityRepository::delegationRow).list();
    }

    List<Delegate> delegates(String delegationId) {
        return jdbc.sql("SELECT user_id, full_name FROM auth_delegate WHERE delegation_id = ? ORDER BY user_id")
                .param(delegationId).query((rs, n) -> new Delegate(rs.getString(1), rs.getString(2))).list();
    }

    List<String> scope(String delegationId) {
        return jdbc.sql("SELECT task_code FROM auth_delegation_scope WHERE delegation_id = ? ORDER BY task_code")
                .param(delegationId).query(String.class).list();
    }

    /**
     * Delegations of the ward in force on {@code day} (status ACTIVE and the day inside the period) that cover the
     * task, with the delegate: (delegation id, user id, full name), ordered by decision date.
     */
    List<ActiveGrant> activeGrants(String unitCode, String taskCode, LocalDate day) {
        return jdbc.sql("SELECT d.id, g.user_id, g.full_name, d.decision_number, d.decision_date "
                        + "FROM auth_delegation d JOIN auth_delegate g ON g.delegation_id = d.id "
                        + "JOIN auth_delegation_scope s ON s.delegation_id = d.id "
                        + "WHERE d.unit_code = ? AND d.status = 'ACTIVE' AND s.task_code = ? "
                        + "AND d.valid_from <= ? AND d.valid_to >= ? ORDER BY d.decision_date, d.id, g.user_id")
                .params(unitCode, taskCode, day, day)
                .query((rs, n) -> new ActiveGrant(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getObject(5, LocalDate.class)))
                .list();
    }

    record ActiveGrant(String delegationId, String userId, String fullName, String decisionNumber,
                       LocalDate decisionDate) {
    }

    /** Whether the user is a delegate of any delegation that is not refused (used to refuse sub-delegation). */
    boolean isDelegate(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM auth_delegate g JOIN auth_delegation d ON d.id = g.delegation_id "
                        + "WHERE g.user_id = ? AND d.status IN ('ACTIVE', 'AWAITING_CONFIRMATION')")
                .param(userId).query(Integer.class).single() > 0;
    }

    void approve(String id, String grantor, OffsetDateTime at, String note) {
        jdbc.sql("UPDATE auth_delegation SET status = 'ACTIVE', grantor = ?, signed_at = ?, decision_note = ? "
                + "WHERE id = ?").params(grantor, at, note, id).update();
    }

    void end(String id, String status, String by, OffsetDateTime at, String reason) {
        jdbc.sql("UPDATE auth_delegation SET status = ?, ended_by = ?, ended_at = ?, end_reason = ? WHERE id = ?")
                .params(status, by, at, reason, id).update();
    }

    void setStatus(String id, String status) {
        jdbc.sql("UPDATE auth_delegation SET status = ? WHERE id = ?").params(status, id).update();
    }

    void confirm(String id, String by, OffsetDateTime at, String note) {
        jdbc.sql("UPDATE auth_delegation SET status = 'ACTIVE', confirmed_by = ?, confirmed_at = ?, "
                + "decision_note = ? WHERE id = ?").params(by, at, note, id).update();
    }

    /** Marks the reminder sent; false if it had been sent before (exactly once). */
    boolean markReminderSent(String id, OffsetDateTime at) {
        return jdbc.sql("UPDATE auth_delegation SET reminder_sent_at = ? WHERE id = ? AND reminder_sent_at IS NULL")
                .params(at, id).update() == 1;
    }

    // --- certification requests and the register

    void insertRequest(RequestRow r) {
        jdbc.sql("INSERT INTO auth_certification_request (" + REQUEST_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(r.id(), r.unitCode(), r.taskCode(), r.applicantName(), r.applicantIdNumber(), r.copies(),
                        r.pages(), r.fee(), r.receivedBy(), r.receivedAt(), r.deadline(), r.status(), r.routedTo(),
                        r.signer(), r.signerName(), r.delegationId(), r.signatureBlock(), r.registerBook(),
                        r.registerYear(), r.registerNumber(), r.decidedAt(), r.refusalReason(),
                        r.processInstanceId())
                .update();
    }

    void attachRequestProcess(String id, String processInstanceId) {
        jdbc.sql("UPDATE auth_certification_request SET process_instance_id = ? WHERE id = ? "
                + "AND process_instance_id IS NULL").params(processInstanceId, id).update();
    }

    void setRoutedTo(String id, String routedTo) {
        jdbc.sql("UPDATE auth_certification_request SET routed_to = ? WHERE id = ?").params(routedTo, id).update();
    }

    Optional<RequestRow> request(String id) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM auth_certification_request WHERE id = ?").param(id)
                .query(AuthorityRepository::requestRow).optional();
    }

    Optional<RequestRow> lockRequest(String id) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM auth_certification_request WHERE id = ? FOR UPDATE")
                .param(id).query(AuthorityRepository::requestRow).optional();
    }

    Optional<RequestRow> requestOfProcess(String processInstanceId) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM auth_certification_request WHERE process_instance_id = ?")
                .param(processInstanceId).query(AuthorityRepository::requestRow).optional();
    }

    List<RequestRow> requests(String unitCode, int limit) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM auth_certification_request WHERE unit_code = ? "
                        + "ORDER BY received_at DESC, id LIMIT ?").params(unitCode, limit)
                .query(AuthorityRepository::requestRow).list();
    }

    /** Signed requests of the ward decided in [from, to), oldest first. */
    List<RequestRow> decided(String unitCode, OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM auth_certification_request WHERE unit_code = ? "
                        + "AND status IN ('SIGNED', 'REFUSED') AND decided_at >= ? AND decided_at < ? "
                        + "ORDER BY decided_at, id").params(unitCode, from, to)
                .query(AuthorityRepository::requestRow).list();
    }

    /** Every ward's decided requests in [from, to) (the city-wide report). */
    List<RequestRow> decidedCitywide(OffsetDateTime from, OffsetDateTime to) {
        return jdbc.sql("SELECT " + REQUEST_COLUMNS + " FROM auth_certification_request WHERE status IN "
                        + "('SIGNED', 'REFUSED') AND decided_at >= ? AND decided_at < ? ORDER BY unit_code, decided_at")
                .params(from, to).query(AuthorityRepository::requestRow).list();
    }

    /**
     * The next number of the book in the year, gap-free: the counter row is locked ({@code SELECT ... FOR UPDATE})
     * in the caller's transaction, so a concurrent signer waits, and a rolled-back signing gives its number back.
     * The row itself is created, if missing, in a transaction of its own (a duplicate from a concurrent first
     * signing is ignored there, without aborting the caller's transaction).
     */
    int nextRegisterNumber(String unitCode, String book, int year) {
        ensureCounter(unitCode, book, year);
        int last = jdbc.sql("SELECT last_number FROM auth_register_counter WHERE unit_code = ? AND register_book = ? "
                        + "AND register_year = ? FOR UPDATE").params(unitCode, book, year)
                .query(Integer.class).single();
        jdbc.sql("UPDATE auth_register_counter SET last_number = ? WHERE unit_code = ? AND register_book = ? "
                + "AND register_year = ?").params(last + 1, unitCode, book, year).update();
        return last + 1;
    }

    private void ensureCounter(String unitCode, String book, int year) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM auth_register_counter WHERE unit_code = ? "
                        + "AND register_book = ? AND register_year = ?").params(unitCode, book, year)
                .query(Integer.class).single() > 0;
        if (exists) {
            return;
        }
        try {
            newTransaction.executeWithoutResult(status -> jdbc.sql("INSERT INTO auth_register_counter (unit_code, "
                            + "register_book, register_year, last_number) VALUES (?, ?, ?, 0)")
                    .params(unitCode, book, year).update());
        } catch (DuplicateKeyException e) {
            // a concurrent first signing created it
        }
    }

    void sign(String id, String signer, String signerName, String delegationId, String block, String book, int year,
              int number, OffsetDateTime at) {
        jdbc.sql("UPDATE auth_certification_request SET status = 'SIGNED', signer = ?, signer_name = ?, "
                        + "delegation_id = ?, signature_block = ?, register_book = ?, register_year = ?, "
                        + "register_number = ?, decided_at = ? WHERE id = ?")
                .params(signer, signerName, delegationId, block, book, year, number, at, id).update();
    }

    void refuse(String id, String signer, String signerName, String delegationId, String reason,
                OffsetDateTime at) {
        jdbc.sql("UPDATE auth_certification_request SET status = 'REFUSED', signer = ?, signer_name = ?, "
                        + "delegation_id = ?, refusal_reason = ?, decided_at = ? WHERE id = ?")
                .params(signer, signerName, delegationId, reason, at, id).update();
    }

    // --- audit trail

    void audit(OffsetDateTime at, String actor, String unitCode, String action, String subjectId, String detail) {
        jdbc.sql("INSERT INTO auth_audit (id, at, actor, unit_code, action, subject_id, detail) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID().toString(), at, actor == null ? "system" : actor, unitCode, action,
                        subjectId, detail)
                .update();
    }

    List<AuditRow> audit(String unitCode, int limit) {
        return jdbc.sql("SELECT at, actor, unit_code, action, subject_id, detail FROM auth_audit WHERE unit_code = ? "
                        + "ORDER BY at DESC, id LIMIT ?").params(unitCode, limit)
                .query((rs, n) -> new AuditRow(rs.getObject(1, OffsetDateTime.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }

    private static DelegationRow delegationRow(ResultSet rs, int n) throws SQLException {
        return new DelegationRow(rs.getString("id"), rs.getString("unit_code"), rs.getString("decision_number"),
                rs.getObject("decision_date", LocalDate.class), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class), rs.getString("status"), rs.getString("drafted_by"),
                rs.getObject("drafted_at", OffsetDateTime.class), rs.getString("grantor"),
                rs.getObject("signed_at", OffsetDateTime.class), rs.getString("decision_note"),
                rs.getString("ended_by"), rs.getObject("ended_at", OffsetDateTime.class),
                rs.getString("end_reason"), rs.getString("confirmed_by"),
                rs.getObject("confirmed_at", OffsetDateTime.class), rs.getString("process_instance_id"));
    }

    private static RequestRow requestRow(ResultSet rs, int n) throws SQLException {
        return new RequestRow(rs.getString("id"), rs.getString("unit_code"), rs.getString("task_code"),
                rs.getString("applicant_name"), rs.getString("applicant_id_number"), rs.getInt("copies"),
                rs.getInt("pages"), rs.getLong("fee"), rs.getString("received_by"),
                rs.getObject("received_at", OffsetDateTime.class), rs.getObject("deadline", OffsetDateTime.class),
                rs.getString("status"), rs.getString("routed_to"), rs.getString("signer"),
                rs.getString("signer_name"), rs.getString("delegation_id"), rs.getString("signature_block"),
                rs.getString("register_book"), (Integer) rs.getObject("register_year"),
                (Integer) rs.getObject("register_number"), rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("refusal_reason"), rs.getString("process_instance_id"));
    }
}
