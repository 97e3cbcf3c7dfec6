package vn.dieuhanh.authority.internal;

import static vn.dieuhanh.authority.SigningDelegationProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.authority.internal.AuthorityRepository.Delegate;
import vn.dieuhanh.authority.internal.AuthorityRepository.DelegationRow;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.Notifications;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.EngineAsSystem;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

/**
 * Delegation decisions (quyết định ủy quyền): the rules of Decree 30/2020/NĐ-CP art. 13 and Resolution 29/2025 as
 * checks on our tables. Drafted by the ward's justice officer, signed by the ward's chairman only, to civil servants
 * of the same committee, for a subset of the 13 tasks (contract items only where the ward's certification of
 * contracts has not moved to notaries), for a bounded period; never passed on by a delegate.
 */
@Service
class DelegationService {

    static final String DRAFT = "DRAFT";
    static final String ACTIVE = "ACTIVE";
    static final String AWAITING_CONFIRMATION = "AWAITING_CONFIRMATION";
    static final String REFUSED = "REFUSED";
    static final String REVOKED = "REVOKED";
    static final String EXPIRED = "EXPIRED";
    static final String REMINDER_TEMPLATE = "delegation-expiry-reminder";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    record Draft(String unitCode, String decisionNumber, LocalDate decisionDate, String grantor,
                 List<String> delegates, List<String> scope, LocalDate validFrom, LocalDate validTo) {
    }

    record View(String id, String unitCode, String unitName, String decisionNumber, LocalDate decisionDate,
                String grantor, String grantorName, List<Delegate> delegates, List<String> scope,
                LocalDate validFrom, LocalDate validTo, String status, String statusLabel, boolean inForceToday,
                String draftedBy, OffsetDateTime draftedAt, OffsetDateTime signedAt, String decisionNote,
                String endedBy, OffsetDateTime endedAt, String endReason, String processInstanceId) {
    }

    /** What the approval step writes back: whether it was approved, and the timers' dates. */
    record Approval(boolean approved, Date validUntil, Date reminderAt) {
    }

    private final AuthorityRepository repository;
    private final CertificationTasks tasks;
    private final WardOffice office;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final IdentityService identity;
    private final Notifications notifications;
    private final Clock clock;
    private final int reminderDays;
    private final int maxMonths;

    DelegationService(AuthorityRepository repository, CertificationTasks tasks, WardOffice office,
                      RuntimeService runtime, TaskService taskService, IdentityService identity,
                      Notifications notifications, Clock clock,
                      @Value("${dieuhanh.authority.expiry-reminder-days:7}") int reminderDays,
                      @Value("${dieuhanh.authority.max-delegation-months:12}") int maxMonths) {
        this.repository = repository;
        this.tasks = tasks;
        this.office = office;
        this.runtime = runtime;
        this.taskService = taskService;
        this.identity = identity;
        this.notifications = notifications;
        this.clock = clock;
        this.reminderDays = reminderDays;
        this.maxMonths = maxMonths;
    }

    OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }

    /** The engine clock in the city's zone. */
    Clock clockZone() {
        return clock.withZone(WorkingCalendar.ZONE);
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
    }

    // --- drafting

    @Transactional
    View draft(Draft draft) {
        WardOffice.Caller caller = office.caller();
        Unit ward = office.ward(draft.unitCode());
        if (!caller.admin() && !caller.memberOf(ward.code())) {
            throw new NotFound("Không tìm thấy phường, xã, đặc khu " + ward.code() + " (no such ward or commune)");
        }
        String chairman = office.chairman(ward.code()).orElseThrow(() -> new Conflict("UBND " + ward.name()
                + " chưa có Chủ tịch trong danh bạ (the ward has no chairman on record)"));
        if (draft.grantor() != null && !draft.grantor().isBlank() && !draft.grantor().equals(chairman)) {
            throw new InputRejected(subDelegationMessage(draft.grantor()));
        }
        if (!caller.admin() && !office.isJusticeOfficer(ward.code(), caller.userId())) {
            throw new Forbidden("Chỉ công chức Tư pháp - Hộ tịch của " + ward.name() + " được lập dự thảo quyết "
                    + "định ủy quyền (only the ward's justice officer drafts delegation decisions)");
        }
        List<Delegate> delegates = delegates(ward.code(), draft.delegates());
        List<String> scope = scope(ward, draft.scope());
        checkPeriod(draft.decisionDate(), draft.validFrom(), draft.validTo());
        if (repository.decisionNumberTaken(ward.code(), draft.decisionNumber().strip())) {
            throw new Conflict("Số quyết định " + draft.decisionNumber() + " đã được dùng ở " + ward.name()
                    + " (decision number already used in this ward)");
        }
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = now();
        repository.insertDelegation(new DelegationRow(id, ward.code(), draft.decisionNumber().strip(),
                draft.decisionDate(), draft.validFrom(), draft.validTo(), DRAFT, caller.userId(), now, null, null,
                null, null, null, null, null, null, null), delegates, scope);
        repository.audit(now, caller.userId(), ward.code(), "DELEGATION_DRAFTED", id,
                "Số " + draft.decisionNumber() + "; " + delegates.stream().map(Delegate::userId).toList() + "; "
                        + scope + "; " + draft.validFrom() + " - " + draft.validTo());
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_DELEGATION_ID, id);
        variables.put(VAR_UNIT_CODE, ward.code());
        variables.put(VAR_CHAIRMAN, chairman);
        variables.put(VAR_DECISION_NUMBER, draft.decisionNumber().strip());
        variables.put(VAR_DELEGATES_TEXT, delegatesText(delegates));
        variables.put(VAR_SCOPE_TEXT, scopeText(scope));
        variables.put(VAR_PERIOD_TEXT, periodText(draft.validFrom(), draft.validTo()));
        String processInstanceId = EngineAsSystem.call(identity,
                () -> runtime.startProcessInstanceByKey(KEY, id, variables).getId());
        repository.attachDelegationProcess(id, processInstanceId);
        return view(repository.delegation(id).orElseThrow());
    }

    static String subDelegationMessage(String grantor) {
        return "Người được ủy quyền không được ủy quyền lại cho người khác; chỉ Chủ tịch UBND phường, xã ký quyết "
                + "định ủy quyền (" + grantor + " is not the ward's chairman: a delegate can never delegate further, "
                + "Decree 30/2020/NĐ-CP art. 13)";
    }

    private List<Delegate> delegates(String unitCode, List<String> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            throw new InputRejected("Cần ít nhất một công chức được ủy quyền (at least one delegate is required)");
        }
        List<Delegate> delegates = new ArrayList<>();
        for (String userId : new LinkedHashSet<>(userIds)) {
            delegates.add(new Delegate(userId, office.civilServant(unitCode, userId).fullName()));
        }
        return delegates;
    }

    private List<String> scope(Unit ward, List<String> codes) {
        if (codes == null || codes.isEmpty()) {
            throw new InputRejected("Cần chọn ít nhất một nhiệm vụ chứng thực được ủy quyền (the scope must name at "
                    + "least one of the 13 certification tasks)");
        }
        boolean moved = office.contractsMovedToNotary(ward.code());
        List<String> scope = new ArrayList<>();
        for (String code : new LinkedHashSet<>(codes)) {
            CertificationTask task = tasks.find(code).orElseThrow(() -> new InputRejected("Không có nhiệm vụ chứng "
                    + "thực " + code + " trong danh mục 13 nhiệm vụ (unknown certification task)"));
            if (task.isContract() && moved) {
                throw new InputRejected(ward.name() + " đã chuyển việc chứng thực hợp đồng, giao dịch sang tổ chức "
                        + "hành nghề công chứng: không được ủy quyền " + code + " (" + task.name() + ") (contract "
                        + "certification has moved to notaries in this ward: contract items cannot be delegated)");
            }
            scope.add(code);
        }
        return scope.stream().sorted().toList();
    }

    private void checkPeriod(LocalDate decisionDate, LocalDate from, LocalDate to) {
        if (decisionDate == null || from == null || to == null) {
            throw new InputRejected("Cần ngày quyết định và thời hạn ủy quyền (từ ngày, đến ngày) (decision date and "
                    + "validity period are required)");
        }
        if (to.isBefore(from)) {
            throw new InputRejected("Ngày hết hạn ủy quyền phải sau ngày bắt đầu (validTo must not be before "
                    + "validFrom)");
        }
        if (from.isBefore(decisionDate)) {
            throw new InputRejected("Ủy quyền không thể có hiệu lực trước ngày ký quyết định (validFrom must not be "
                    + "before the decision date)");
        }
        if (to.isBefore(today())) {
            throw new InputRejected("Thời hạn ủy quyền đã qua (the period has already ended)");
        }
        if (to.isAfter(from.plusMonths(maxMonths).minusDays(1))) {
            throw new InputRejected("Thời hạn ủy quyền không quá " + maxMonths + " tháng (a delegation is limited to "
                    + maxMonths + " months)");
        }
    }

    // --- the chairman's decision (Tasklist or REST)

    /** The approval step: only the ward's chairman signs; a delegate never does. */
    Approval recordApproval(String processInstanceId, Object approvedValue, Object note) {
        DelegationRow d = repository.delegationOfProcess(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("No delegation for process " + processInstanceId));
        String actor = office.currentUser();
        requireChairman(d, actor);
        if (!DRAFT.equals(d.status())) {
            throw new Conflict("Quyết định ủy quyền đã được xử lý (the decision was already taken)");
        }
        boolean approved = bool(approvedValue, "Hãy chọn ký ban hành hoặc không đồng ý (choose to sign or refuse)");
        String text = note == null ? null : note.toString().strip();
        OffsetDateTime now = now();
        if (!approved) {
            if (text == null || text.isEmpty()) {
                throw new InputRejected("Cần ghi lý do không đồng ý (a reason is required to refuse)");
            }
            repository.end(d.id(), REFUSED, actor, now, text);
            repository.audit(now, actor, d.unitCode(), "DELEGATION_REFUSED", d.id(), text);
            return new Approval(false, null, null);
        }
        repository.approve(d.id(), actor, now, text);
        repository.audit(now, actor, d.unitCode(), "DELEGATION_SIGNED", d.id(),
                "Số " + d.decisionNumber() + " có hiệu lực " + periodText(d.validFrom(), d.validTo()));
        ZonedDateTime validUntil = d.validTo().plusDays(1).atStartOfDay(WorkingCalendar.ZONE);
        ZonedDateTime reminder = d.validTo().minusDays(reminderDays).atTime(8, 0).atZone(WorkingCalendar.ZONE);
        if (reminder.toInstant().isBefore(now.toInstant())) {
            reminder = now.atZoneSameInstant(WorkingCalendar.ZONE);
        }
        return new Approval(true, Date.from(validUntil.toInstant()), Date.from(reminder.toInstant()));
    }

    private void requireChairman(DelegationRow d, String actor) {
        if (office.isChairman(d.unitCode(), actor)) {
            return;
        }
        if (actor != null && repository.isDelegate(actor)) {
            throw new Forbidden(subDelegationMessage(actor));
        }
        throw new Forbidden("Chỉ Chủ tịch UBND " + office.ward(d.unitCode()).name() + " ký quyết định ủy quyền "
                + "(only the ward's chairman signs a delegation decision)");
    }

    /** REST form of the Tasklist task: completes the chairman's open task as the caller. */
    @Transactional
    View decide(String id, boolean approved, String note) {
        DelegationRow d = visible(id);
        WardOffice.Caller caller = office.caller();
        requireChairman(d, caller.userId());
        Task task = openTask(d, TASK_APPROVE);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_APPROVED, Boolean.toString(approved));
        variables.put(VAR_DECISION_NOTE, note);
        taskService.complete(task.getId(), variables);
        return view(repository.delegation(id).orElseThrow());
    }

    // --- revocation, expiry, reminder

    @Transactional
    View revoke(String id, String reason) {
        DelegationRow visible = visible(id);
        WardOffice.Caller caller = office.caller();
        if (!caller.admin() && !office.isChairman(visible.unitCode(), caller.userId())) {
            throw new Forbidden("Chỉ Chủ tịch UBND phường, xã thu hồi quyết định ủy quyền (only the ward's chairman "
                    + "revokes a delegation)");
        }
        if (reason == null || reason.isBlank()) {
            throw new InputRejected("Cần ghi lý do thu hồi (a reason is required to revoke)");
        }
        DelegationRow d = repository.lockDelegation(id).orElseThrow();
        if (!ACTIVE.equals(d.status()) && !AWAITING_CONFIRMATION.equals(d.status())) {
            throw new Conflict("Chỉ thu hồi được quyết định ủy quyền đang có hiệu lực; trạng thái hiện tại: "
                    + statusLabel(d.status()) + " (only a signed delegation in force can be revoked)");
        }
        OffsetDateTime now = now();
        repository.end(id, REVOKED, caller.userId(), now, reason.strip());
        repository.audit(now, caller.userId(), d.unitCode(), "DELEGATION_REVOKED", id, reason.strip());
        EngineAsSystem.run(identity, () -> runtime.createMessageCorrelation(MESSAGE_REVOKED)
                .processInstanceId(d.processInstanceId()).correlateWithResult());
        return view(repository.delegation(id).orElseThrow());
    }

    /** The expiry timer's step (its job is the save point). */
    void expire(String processInstanceId) {
        DelegationRow found = repository.delegationOfProcess(processInstanceId).orElseThrow();
        DelegationRow d = repository.lockDelegation(found.id()).orElseThrow();
        if (ACTIVE.equals(d.status()) || AWAITING_CONFIRMATION.equals(d.status())) {
            OffsetDateTime now = now();
            repository.end(d.id(), EXPIRED, "system", now, "Hết thời hạn ủy quyền " + DAY.format(d.validTo()));
            repository.audit(now, "system", d.unitCode(), "DELEGATION_EXPIRED", d.id(), null);
        }
    }

    /** The reminder before expiry: to the chairman, the justice officers and the delegates, exactly once. */
    void remindExpiry(String processInstanceId) {
        DelegationRow d = repository.delegationOfProcess(processInstanceId).orElseThrow();
        if (!ACTIVE.equals(d.status()) && !AWAITING_CONFIRMATION.equals(d.status())) {
            return;
        }
        OffsetDateTime now = now();
        if (!repository.markReminderSent(d.id(), now)) {
            return;
        }
        LinkedHashSet<String> recipients = new LinkedHashSet<>();
        office.chairman(d.unitCode()).ifPresent(recipients::add);
        repository.delegates(d.id()).forEach(g -> recipients.add(g.userId()));
        if (d.draftedBy() != null) {
            recipients.add(d.draftedBy());
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("decisionNumber", d.decisionNumber());
        model.put("unitName", office.ward(d.unitCode()).name());
        model.put("validTo", DAY.format(d.validTo()));
        model.put("daysLeft", Math.max(0, ChronoUnit.DAYS.between(today(), d.validTo())));
        model.put("delegates", delegatesText(repository.delegates(d.id())));
        notifications.enqueue(new Notification("delegation:" + d.id() + ":EXPIRY_REMINDER",
                NotificationKind.REMINDER, null, List.copyOf(recipients), REMINDER_TEMPLATE, model));
        repository.audit(now, "system", d.unitCode(), "DELEGATION_EXPIRY_REMINDED", d.id(),
                String.join(", ", recipients));
    }

    // --- the ward's settings

    record WardSettings(String unitCode, String unitName, boolean contractsMovedToNotary, String chairman) {
    }

    WardSettings settings(String unitCode) {
        WardOffice.Caller caller = office.caller();
        Unit ward = office.ward(unitCode);
        if (!caller.cityWide() && !caller.memberOf(ward.code())) {
            throw new NotFound("Không tìm thấy phường, xã, đặc khu " + unitCode + " (no such ward or commune)");
        }
        return new WardSettings(ward.code(), ward.name(), office.contractsMovedToNotary(ward.code()),
                office.chairman(ward.code()).orElse(null));
    }

    /** Whether the ward's contract certification has moved to notaries: administrators and the Department of Justice. */
    @Transactional
    WardSettings setContractsMovedToNotary(String unitCode, boolean moved) {
        WardOffice.Caller caller = office.caller();
        if (!caller.admin() && !caller.groups().contains(vn.dieuhanh.platform.Roles.DEPARTMENT_OF_JUSTICE)) {
            throw new Forbidden("Chỉ Sở Tư pháp và quản trị hệ thống cập nhật việc chuyển giao chứng thực hợp đồng "
                    + "(only the Department of Justice and administrators set this flag)");
        }
        Unit ward = office.ward(unitCode);
        OffsetDateTime now = now();
        String chairman = repository.wardSetting(ward.code()).map(AuthorityRepository.WardSetting::chairmanUserId)
                .orElse(null);
        repository.saveWardSetting(new AuthorityRepository.WardSetting(ward.code(), moved, chairman),
                caller.userId(), now);
        repository.audit(now, caller.userId(), ward.code(), "CONTRACTS_MOVED_TO_NOTARY", ward.code(),
                Boolean.toString(moved));
        return settings(ward.code());
    }

    // --- change of chairman

    /**
     * Records the ward's new chairman; every delegation in force waits for his confirmation (it routes nothing
     * meanwhile), and he gets a task per delegation.
     */
    @Transactional
    List<View> chairmanChanged(String unitCode, String newChairman) {
        WardOffice.Caller caller = office.caller();
        if (!caller.admin()) {
            throw new Forbidden("Chỉ quản trị hệ thống ghi nhận thay đổi Chủ tịch (only administrators record a "
                    + "change of chairman)");
        }
        Unit ward = office.ward(unitCode);
        office.civilServantOrLeader(ward.code(), newChairman);
        if (office.isChairman(ward.code(), newChairman)) {
            throw new Conflict(office.fullName(newChairman) + " đã là Chủ tịch UBND " + ward.name()
                    + " (already the ward's chairman)");
        }
        OffsetDateTime now = now();
        boolean moved = office.contractsMovedToNotary(ward.code());
        repository.saveWardSetting(new AuthorityRepository.WardSetting(ward.code(), moved, newChairman),
                caller.userId(), now);
        repository.audit(now, caller.userId(), ward.code(), "CHAIRMAN_CHANGED", ward.code(), newChairman);
        List<View> waiting = new ArrayList<>();
        for (DelegationRow d : repository.delegationsInStatus(ward.code(), ACTIVE)) {
            repository.setStatus(d.id(), AWAITING_CONFIRMATION);
            repository.audit(now, caller.userId(), ward.code(), "DELEGATION_AWAITS_CONFIRMATION", d.id(),
                    newChairman);
            EngineAsSystem.run(identity, () -> runtime.createMessageCorrelation(MESSAGE_CHAIRMAN_CHANGED)
                    .processInstanceId(d.processInstanceId()).setVariable(VAR_CHAIRMAN, newChairman)
                    .correlateWithResult());
            waiting.add(view(repository.delegation(d.id()).orElseThrow()));
        }
        // a draft awaiting the former chairman's signature, or a decision still awaiting a former new chairman's
        // confirmation: its open task goes to the new chairman (the record steps check him against our tables)
        for (DelegationRow d : repository.delegationsInStatus(ward.code(), DRAFT)) {
            reassign(d, TASK_APPROVE, newChairman, caller.userId(), now);
        }
        for (DelegationRow d : repository.delegationsInStatus(ward.code(), AWAITING_CONFIRMATION)) {
            if (waiting.stream().noneMatch(v -> v.id().equals(d.id()))) {
                reassign(d, TASK_CONFIRM, newChairman, caller.userId(), now);
                waiting.add(view(repository.delegation(d.id()).orElseThrow()));
            }
        }
        return waiting;
    }

    private void reassign(DelegationRow d, String taskKey, String newChairman, String actor, OffsetDateTime now) {
        EngineAsSystem.run(identity, () -> {
            Task task = taskService.createTaskQuery().processInstanceId(d.processInstanceId())
                    .taskDefinitionKey(taskKey).singleResult();
            if (task != null) {
                taskService.setAssignee(task.getId(), newChairman);
                runtime.setVariable(d.processInstanceId(), VAR_CHAIRMAN, newChairman);
            }
        });
        repository.audit(now, actor, d.unitCode(), "DELEGATION_TASK_REASSIGNED", d.id(), newChairman);
    }

    /** The confirmation step after a change of chairman: only the (new) chairman decides. */
    boolean recordConfirmation(String processInstanceId, Object confirmedValue, Object note) {
        DelegationRow d = repository.delegationOfProcess(processInstanceId).orElseThrow();
        String actor = office.currentUser();
        requireChairman(d, actor);
        DelegationRow locked = repository.lockDelegation(d.id()).orElseThrow();
        if (!AWAITING_CONFIRMATION.equals(locked.status())) {
            throw new Conflict("Quyết định ủy quyền không chờ xác nhận (the delegation is not awaiting confirmation)");
        }
        boolean confirmed = bool(confirmedValue, "Hãy chọn tiếp tục hoặc thu hồi ủy quyền (choose to confirm or "
                + "revoke)");
        String text = note == null ? null : note.toString().strip();
        OffsetDateTime now = now();
        if (confirmed) {
            repository.confirm(d.id(), actor, now, text);
            repository.audit(now, actor, d.unitCode(), "DELEGATION_CONFIRMED", d.id(), text);
        } else {
            if (text == null || text.isEmpty()) {
                throw new InputRejected("Cần ghi lý do thu hồi (a reason is required to revoke)");
            }
            repository.end(d.id(), REVOKED, actor, now, text);
            repository.audit(now, actor, d.unitCode(), "DELEGATION_REVOKED", d.id(), text);
        }
        return confirmed;
    }

    @Transactional
    View confirm(String id, boolean confirmed, String note) {
        DelegationRow d = visible(id);
        requireChairman(d, office.caller().userId());
        Task task = openTask(d, TASK_CONFIRM);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_CONFIRMED, Boolean.toString(confirmed));
        variables.put(VAR_DECISION_NOTE, note);
        taskService.complete(task.getId(), variables);
        return view(repository.delegation(id).orElseThrow());
    }

    // --- reading

    /** A delegation the caller may see (its ward's officials, city-wide readers); otherwise 404. */
    DelegationRow visible(String id) {
        WardOffice.Caller caller = office.caller();
        return repository.delegation(id).filter(d -> caller.cityWide() || caller.memberOf(d.unitCode()))
                .orElseThrow(() -> new NotFound("Không tìm thấy quyết định ủy quyền " + id
                        + " (no such delegation)"));
    }

    List<View> list(String unitCode) {
        WardOffice.Caller caller = office.caller();
        Unit ward = office.ward(unitCode);
        if (!caller.cityWide() && !caller.memberOf(ward.code())) {
            throw new NotFound("Không tìm thấy phường, xã, đặc khu " + unitCode + " (no such ward or commune)");
        }
        return repository.delegations(ward.code()).stream().map(this::view).toList();
    }

    /** A pseudo-status of the report's filter: signed and inside its period today. */
    static final String IN_FORCE = "IN_FORCE";
    static final List<String> STATUSES = List.of(DRAFT, ACTIVE, AWAITING_CONFIRMATION, REFUSED, REVOKED, EXPIRED);
    static final int REPORT_LIMIT = 5000;

    /**
     * The city-wide report of delegation decisions (Department of Justice, City PC leaders, administrators): every
     * ward's or one ward's, of one status or all, or only those in force today ({@link #IN_FORCE}).
     */
    List<View> citywide(String unitCode, String status) {
        WardOffice.Caller caller = office.caller();
        if (!caller.cityWide()) {
            throw new Forbidden("Báo cáo ủy quyền ký chứng thực toàn Thành phố dành cho Sở Tư pháp và lãnh đạo UBND "
                    + "Thành phố (the city-wide report is for the Department of Justice and City PC leaders)");
        }
        String unit = unitCode == null || unitCode.isBlank() ? null : office.ward(unitCode.strip()).code();
        String wanted = status == null || status.isBlank() ? null : status.strip();
        if (wanted != null && !IN_FORCE.equals(wanted) && !STATUSES.contains(wanted)) {
            throw new InputRejected("Trạng thái '" + wanted + "' không có (unknown status)");
        }
        List<View> views = repository.delegationsCitywide(unit, IN_FORCE.equals(wanted) ? ACTIVE : wanted,
                REPORT_LIMIT).stream().map(this::view).toList();
        return IN_FORCE.equals(wanted) ? views.stream().filter(View::inForceToday).toList() : views;
    }

    /** What the caller may sign today in his ward: the delegations in force today that name him. */
    List<View> inForceFor(String unitCode, String userId) {
        return list(unitCode).stream().filter(View::inForceToday)
                .filter(v -> v.delegates().stream().anyMatch(g -> g.userId().equals(userId))).toList();
    }

    /** What the drafting form offers: the ward's civil servants and the tasks it may delegate. */
    record DraftOptions(Unit ward, List<vn.dieuhanh.organisation.Official> civilServants,
                        List<CertificationTask> tasks, boolean contractsMovedToNotary, LocalDate today) {
    }

    /** The drafting form's choices, for the ward's justice officer (others: 403, another ward's: 404). */
    DraftOptions draftOptions(String unitCode) {
        WardOffice.Caller caller = office.caller();
        Unit ward = office.ward(unitCode);
        if (!caller.admin() && !caller.memberOf(ward.code())) {
            throw new NotFound("Không tìm thấy phường, xã, đặc khu " + ward.code() + " (no such ward or commune)");
        }
        if (!caller.admin() && !office.isJusticeOfficer(ward.code(), caller.userId())) {
            throw new Forbidden("Chỉ công chức Tư pháp - Hộ tịch của " + ward.name() + " được lập dự thảo quyết "
                    + "định ủy quyền (only the ward's justice officer drafts delegation decisions)");
        }
        return new DraftOptions(ward, office.civilServants(ward.code()), tasks.all(),
                office.contractsMovedToNotary(ward.code()), today());
    }

    View view(DelegationRow d) {
        LocalDate today = today();
        boolean inForce = ACTIVE.equals(d.status()) && !today.isBefore(d.validFrom()) && !today.isAfter(d.validTo());
        return new View(d.id(), d.unitCode(), office.ward(d.unitCode()).name(), d.decisionNumber(), d.decisionDate(),
                d.grantor(), d.grantor() == null ? null : office.fullName(d.grantor()), repository.delegates(d.id()),
                repository.scope(d.id()), d.validFrom(), d.validTo(), d.status(), statusLabel(d.status()), inForce,
                d.draftedBy(), d.draftedAt(), d.signedAt(), d.decisionNote(), d.endedBy(), d.endedAt(),
                d.endReason(), d.processInstanceId());
    }

    private Task openTask(DelegationRow d, String taskKey) {
        return Optional.ofNullable(EngineAsSystem.call(identity, () -> taskService.createTaskQuery()
                        .processInstanceId(d.processInstanceId()).taskDefinitionKey(taskKey).singleResult()))
                .orElseThrow(() -> new Conflict("Quyết định ủy quyền không chờ bước này (the delegation is not "
                        + "waiting for this step)"));
    }

    static String statusLabel(String status) {
        return switch (status) {
            case DRAFT -> "Chờ Chủ tịch ký";
            case ACTIVE -> "Đã ký, đang áp dụng";
            case AWAITING_CONFIRMATION -> "Chờ Chủ tịch mới xác nhận";
            case REFUSED -> "Chủ tịch không đồng ý";
            case REVOKED -> "Đã thu hồi";
            case EXPIRED -> "Hết thời hạn";
            default -> status;
        };
    }

    private String delegatesText(List<Delegate> delegates) {
        return String.join("; ", delegates.stream().map(g -> g.fullName() + " (" + g.userId() + ")").toList());
    }

    private String scopeText(List<String> scope) {
        return String.join("; ", scope.stream().map(code -> code + " " + tasks.find(code).orElseThrow().name())
                .toList());
    }

    static String periodText(LocalDate from, LocalDate to) {
        return "từ " + DAY.format(from) + " đến hết " + DAY.format(to);
    }

    static boolean bool(Object value, String message) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value != null && ("true".equalsIgnoreCase(value.toString()) || "false".equalsIgnoreCase(
                value.toString()))) {
            return Boolean.parseBoolean(value.toString());
        }
        throw new InputRejected(message);
    }
}
