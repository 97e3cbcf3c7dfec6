package vn.dieuhanh.authority.internal;

import static vn.dieuhanh.authority.CertificationRequestProcess.*;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.authority.internal.AuthorityRepository.ActiveGrant;
import vn.dieuhanh.authority.internal.AuthorityRepository.RequestRow;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.EngineAsSystem;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

/**
 * Certification requests: reception at the ward's public service centre, routing to whoever may sign, and the
 * signature into the certification register (sổ chứng thực) or a refusal. Who may sign is decided from our tables at
 * the moment of signing: the chairman, a vice-chairman, or a civil servant holding a delegation that is signed, not
 * revoked, inside its period and covers the procedure (a contract item only while the ward's contract certification
 * has not moved to notaries).
 */
@Service
class CertificationService {

    static final String OPEN = "OPEN";
    static final String SIGNED = "SIGNED";
    static final String REFUSED = "REFUSED";

    record Reception(String unitCode, String taskCode, String applicantName, String applicantIdNumber, int copies,
                     int pages, long fee) {
    }

    record View(String id, String unitCode, String taskCode, String procedureName, String applicantName,
                int copies, int pages, long fee, String receivedBy, OffsetDateTime receivedAt,
                OffsetDateTime deadline, String status, List<String> routedTo, String signer, String signerName,
                String delegationId, String signatureBlock, String registerBook, Integer registerYear,
                Integer registerNumber, OffsetDateTime decidedAt, String refusalReason, String processInstanceId) {
    }

    /** Who signs, in which capacity: the signature block and, for a delegate, the delegation. */
    record Signer(String userId, String fullName, String block, String delegationId) {
    }

    private final AuthorityRepository repository;
    private final CertificationTasks tasks;
    private final WardOffice office;
    private final CertificationDeadlines deadlines;
    private final RuntimeService runtime;
    private final TaskService taskService;
    private final IdentityService identity;
    private final Clock clock;

    CertificationService(AuthorityRepository repository, CertificationTasks tasks, WardOffice office,
                         CertificationDeadlines deadlines, RuntimeService runtime, TaskService taskService,
                         IdentityService identity, Clock clock) {
        this.repository = repository;
        this.tasks = tasks;
        this.office = office;
        this.deadlines = deadlines;
        this.runtime = runtime;
        this.taskService = taskService;
        this.identity = identity;
        this.clock = clock;
    }

    // --- reception

    @Transactional
    View receive(Reception reception) {
        WardOffice.Caller caller = office.caller();
        Unit ward = office.ward(reception.unitCode());
        if (!caller.memberOf(ward.code())) {
            throw new NotFound("Không tìm thấy phường, xã, đặc khu " + ward.code() + " (no such ward or commune)");
        }
        CertificationTask task = task(reception.taskCode());
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime deadline = deadlines.deadline(now.toInstant(), task);
        String id = UUID.randomUUID().toString();
        repository.insertRequest(new RequestRow(id, ward.code(), task.code(), reception.applicantName().strip(),
                reception.applicantIdNumber(), reception.copies(), reception.pages(), reception.fee(),
                caller.userId(), now, deadline, OPEN, null, null, null, null, null, null, null, null, null, null,
                null));
        repository.audit(now, caller.userId(), ward.code(), "CERTIFICATION_RECEIVED", id,
                task.code() + "; " + reception.copies() + " bản, " + reception.pages() + " trang; "
                        + reception.fee() + " đồng");
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REQUEST_ID, id);
        variables.put(VAR_UNIT_CODE, ward.code());
        variables.put(VAR_DEADLINE, Date.from(deadline.toInstant()));
        variables.put(VAR_DEADLINE_TEXT, VietnameseDates.deadline(deadline));
        variables.put(VAR_PROCEDURE_NAME, task.code() + " " + task.name());
        variables.put(VAR_APPLICANT_NAME, reception.applicantName().strip());
        variables.put(VAR_COPIES, reception.copies());
        variables.put(VAR_PAGES, reception.pages());
        String processInstanceId = EngineAsSystem.call(identity,
                () -> runtime.startProcessInstanceByKey(KEY, id, variables).getId());
        repository.attachRequestProcess(id, processInstanceId);
        return view(repository.request(id).orElseThrow());
    }

    private CertificationTask task(String code) {
        return tasks.find(code).orElseThrow(() -> new InputRejected("Không có thủ tục chứng thực " + code
                + " trong danh mục 13 nhiệm vụ (unknown certification task)"));
    }

    // --- routing

    /**
     * Who gets the signing task: the delegates holding a delegation in force today for the procedure, else the
     * chairman and the vice-chairmen. Recorded on the request.
     */
    List<String> route(String requestId) {
        RequestRow request = repository.request(requestId).orElseThrow();
        CertificationTask task = task(request.taskCode());
        LinkedHashSet<String> signers = new LinkedHashSet<>();
        if (!task.isContract() || !office.contractsMovedToNotary(request.unitCode())) {
            repository.activeGrants(request.unitCode(), task.code(), today()).stream().map(ActiveGrant::userId)
                    .forEach(signers::add);
        }
        if (signers.isEmpty()) {
            office.chairman(request.unitCode()).ifPresent(signers::add);
            signers.addAll(office.viceChairmen(request.unitCode()));
        }
        if (signers.isEmpty()) {
            throw new IllegalStateException("Ward " + request.unitCode() + " has nobody who may sign");
        }
        repository.setRoutedTo(requestId, String.join(",", signers));
        return List.copyOf(signers);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
    }

    /** In which capacity the user may sign this procedure in this ward now; 403 with the reason otherwise. */
    Signer signer(String unitCode, CertificationTask task, String userId) {
        if (userId == null) {
            throw new Forbidden("Chưa đăng nhập (not authenticated)");
        }
        String name = office.fullName(userId);
        if (office.isChairman(unitCode, userId)) {
            return new Signer(userId, name, "CHỦ TỊCH\n" + name, null);
        }
        if (office.isViceChairman(unitCode, userId)) {
            return new Signer(userId, name, "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n" + name, null);
        }
        if (task.isContract() && office.contractsMovedToNotary(unitCode)) {
            throw new Forbidden("Chứng thực hợp đồng, giao dịch tại phường, xã này đã chuyển sang tổ chức hành nghề "
                    + "công chứng: không ký theo ủy quyền (contract certification has moved to notaries here)");
        }
        Optional<ActiveGrant> grant = repository.activeGrants(unitCode, task.code(), today()).stream()
                .filter(g -> g.userId().equals(userId)).findFirst();
        if (grant.isEmpty()) {
            throw new Forbidden("Ông/bà " + name + " không có quyết định ủy quyền đang có hiệu lực để ký " + task.code()
                    + " (" + task.name() + ") (no delegation in force today covers this procedure for you)");
        }
        return new Signer(userId, name, "TUQ. CHỦ TỊCH\n" + name, grant.get().delegationId());
    }

    // --- signing

    /** The record step of the signing task: runs in the transaction that completes it, as the signer. */
    boolean recordDecision(String processInstanceId, Object decisionValue, Object reasonValue) {
        RequestRow found = repository.requestOfProcess(processInstanceId)
                .orElseThrow(() -> new IllegalStateException("No request for process " + processInstanceId));
        RequestRow request = repository.lockRequest(found.id()).orElseThrow();
        if (!OPEN.equals(request.status())) {
            throw new Conflict("Yêu cầu chứng thực đã được xử lý (the request was already decided)");
        }
        CertificationTask task = task(request.taskCode());
        Signer signer = signer(request.unitCode(), task, office.currentUser());
        String decision = decisionValue == null ? "" : decisionValue.toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (DECISION_REFUSE.equals(decision)) {
            String reason = reasonValue == null ? "" : reasonValue.toString().strip();
            if (reason.isEmpty()) {
                throw new InputRejected("Cần ghi lý do từ chối chứng thực (a reason is required to refuse)");
            }
            repository.refuse(request.id(), signer.userId(), signer.fullName(), signer.delegationId(), reason, now);
            repository.audit(now, signer.userId(), request.unitCode(), "CERTIFICATION_REFUSED", request.id(),
                    reason);
            return false;
        }
        if (!DECISION_SIGN.equals(decision)) {
            throw new InputRejected("Hãy chọn ký chứng thực hoặc từ chối (choose SIGN or REFUSE)");
        }
        int year = now.atZoneSameInstant(WorkingCalendar.ZONE).getYear();
        int number = repository.nextRegisterNumber(request.unitCode(), task.registerBook(), year);
        repository.sign(request.id(), signer.userId(), signer.fullName(), signer.delegationId(), signer.block(),
                task.registerBook(), year, number, now);
        repository.audit(now, signer.userId(), request.unitCode(), "CERTIFICATION_SIGNED", request.id(),
                "Sổ " + task.registerBook() + " số " + number + "/" + year
                        + (signer.delegationId() == null ? "" : "; TUQ theo quyết định " + signer.delegationId()));
        return true;
    }

    /** REST form of the signing task: the caller signs or refuses. */
    @Transactional
    View decide(String id, String decision, String refusalReason) {
        RequestRow request = visible(id);
        if (!OPEN.equals(request.status())) {
            throw new Conflict("Yêu cầu chứng thực đã được xử lý (the request was already decided)");
        }
        WardOffice.Caller caller = office.caller();
        signer(request.unitCode(), task(request.taskCode()), caller.userId());
        Task open = EngineAsSystem.call(identity, () -> taskService.createTaskQuery()
                .processInstanceId(request.processInstanceId()).taskDefinitionKey(TASK_SIGN).singleResult());
        if (open == null) {
            throw new Conflict("Yêu cầu chứng thực không chờ ký (the request is not waiting for a signature)");
        }
        boolean candidate = EngineAsSystem.call(identity, () -> taskService.getIdentityLinksForTask(open.getId()))
                .stream().map(IdentityLink::getUserId).anyMatch(caller.userId()::equals);
        if (!candidate) { // the chairman or a vice-chairman signs what was routed to a delegate
            EngineAsSystem.run(identity, () -> taskService.addCandidateUser(open.getId(), caller.userId()));
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_DECISION, decision);
        variables.put(VAR_REFUSAL_REASON, refusalReason);
        taskService.complete(open.getId(), variables);
        return view(repository.request(id).orElseThrow());
    }

    // --- reading

    RequestRow visible(String id) {
        WardOffice.Caller caller = office.caller();
        return repository.request(id).filter(r -> caller.cityWide() || caller.memberOf(r.unitCode()))
                .orElseThrow(() -> new NotFound("Không tìm thấy yêu cầu chứng thực " + id + " (no such request)"));
    }

    List<View> list(String unitCode) {
        WardOffice.Caller caller = office.caller();
        Unit ward = office.ward(unitCode);
        if (!caller.cityWide() && !caller.memberOf(ward.code())) {
            throw new NotFound("Không tìm thấy phường, xã, đặc khu " + unitCode + " (no such ward or commune)");
        }
        return repository.requests(ward.code(), 200).stream().map(this::view).toList();
    }

    View view(RequestRow r) {
        List<String> routed = r.routedTo() == null ? List.of() : new ArrayList<>(List.of(r.routedTo().split(",")));
        return new View(r.id(), r.unitCode(), r.taskCode(), tasks.find(r.taskCode()).map(CertificationTask::name)
                .orElse(r.taskCode()), r.applicantName(), r.copies(), r.pages(), r.fee(), r.receivedBy(),
                r.receivedAt(), r.deadline(), r.status(), routed, r.signer(), r.signerName(), r.delegationId(),
                r.signatureBlock(), r.registerBook(), r.registerYear(), r.registerNumber(), r.decidedAt(),
                r.refusalReason(), r.processInstanceId());
    }
}
