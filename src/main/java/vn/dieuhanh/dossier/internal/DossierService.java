package vn.dieuhanh.dossier.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.dossier.CertificationSigners;
import vn.dieuhanh.dossier.DossierBecameLate;
import vn.dieuhanh.dossier.DossierStatus;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.Notifications;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.EngineAsSystem;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.HistoryReadGrants;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.Roles;

/**
 * Dossiers from reception to return: the rules every door shares (REST, Tasklist through the process's steps).
 * Deadlines are working time of the official calendar ({@link DossierTime}); every status change is a row of
 * {@code dos_event}.
 */
@Service
@Transactional
public class DossierService {

    /** What the reception officer enters; {@code papersPresented} are names from the procedure's checklist. */
    public record Reception(String receptionPoint, String procedureCode, String unitCode, List<String> papersPresented,
                            String applicantName, String applicantContact, boolean returnByPost) {
    }

    /** The receipt (giấy tiếp nhận hồ sơ và hẹn trả kết quả); {@code securityCode} is shown once, never stored. */
    public record Receipt(String code, String securityCode, String procedureName, String receptionPointName,
                          String unitName, Instant receivedAt, Instant appointmentAt, String appointmentText,
                          String statutoryTime, Long feeVnd, String feeNote, List<String> papers) {
    }

    /** The written list of what is missing (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ) instead of a reception. */
    public record MissingPapers(String procedureName, List<String> missing, String notice) {
    }

    public record ReceptionResult(boolean received, Receipt receipt, MissingPapers missingPapers) {
    }

    /** What the process needs when the dossier reaches its unit or comes back to it. */
    record HandlingPlan(String unitCode, String receptionGroup, String approver, String signer, Instant appointmentAt,
                        Instant apologyDueAt, Instant lateEscalationAt, String title, String summary) {
    }

    /** The citizen's view: status and dates only. */
    public record PublicView(String code, String status, int portalStatus, Instant receivedAt, Instant appointmentAt,
                             Instant returnedAt, List<PublicStep> steps) {
    }

    public record PublicStep(String status, Instant at) {
    }

    static final String PROPOSED_RESULT = "PROPOSED_RESULT";
    static final String PROPOSED_REFUSAL = "PROPOSED_REFUSAL";
    static final String REQUESTED_SUPPLEMENT = "REQUESTED_SUPPLEMENT";

    private final DossierRepository repository;
    private final DossierReferenceData data;
    private final DossierTime time;
    private final DossierCodes codes;
    private final DossierAccess access;
    private final OrganisationDirectory directory;
    private final CertificationSigners signers;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final HistoryReadGrants history;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final DossierReminderPolicy reminders;

    DossierService(DossierRepository repository, DossierReferenceData data, DossierTime time, DossierCodes codes,
                   DossierAccess access, OrganisationDirectory directory, CertificationSigners signers,
                   RuntimeService runtimeService, IdentityService identityService, HistoryReadGrants history,
                   Notifications notifications, ApplicationEventPublisher events, Clock clock,
                   DossierReminderPolicy reminders) {
        this.reminders = reminders;
        this.repository = repository;
        this.data = data;
        this.time = time;
        this.codes = codes;
        this.access = access;
        this.directory = directory;
        this.signers = signers;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.history = history;
        this.notifications = notifications;
        this.events = events;
        this.clock = clock;
    }

    // --- reception ---------------------------------------------------------------------------------------------------

    public ReceptionResult receive(Reception request) {
        ReceptionPoint point = data.point(request.receptionPoint()).orElseThrow(() -> new InputRejected(
                "Không có điểm tiếp nhận " + request.receptionPoint() + " (unknown reception point)"));
        DossierAccess.Caller caller = access.requireReceiver(point);
        Procedure procedure = data.procedure(request.procedureCode()).orElseThrow(() -> new InputRejected(
                "Không có thủ tục " + request.procedureCode() + " trong danh mục (unknown procedure)"));
        if (!procedure.anywhere()) {
            throw new InputRejected("Thủ tục " + procedure.name() + " không tiếp nhận phi địa giới (this procedure "
                    + "is not received regardless of territory)");
        }
        String unitCode = competentUnit(procedure, request.unitCode());
        Set<String> presented = new LinkedHashSet<>(request.papersPresented() == null ? List.of()
                : request.papersPresented());
        for (String paper : presented) {
            if (!procedure.papers().contains(paper)) {
                throw new InputRejected("Giấy tờ '" + InputLimits.text(paper, "papersPresented", 300, false)
                        + "' không thuộc thành phần hồ sơ của thủ tục (not a paper of this procedure)");
            }
        }
        // a paper the checklist marks "(nếu ...)" is conditional: the officer judges it, it does not block reception
        List<String> missing = procedure.papers().stream().filter(p -> !presented.contains(p) && !p.contains("(nếu"))
                .toList();
        if (!missing.isEmpty()) {
            StringBuilder notice = new StringBuilder("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ\nThủ tục: ")
                    .append(procedure.name()).append("\nHồ sơ chưa đủ thành phần; đề nghị bổ sung:\n");
            for (int i = 0; i < missing.size(); i++) {
                notice.append(i + 1).append(". ").append(missing.get(i)).append('\n');
            }
            notice.append("Nơi hướng dẫn: ").append(point.name()).append(". Cán bộ hướng dẫn: ")
                    .append(caller.userId()).append('.');
            return new ReceptionResult(false, null, new MissingPapers(procedure.name(), missing, notice.toString()));
        }
        String applicant = InputLimits.text(request.applicantName(), "applicantName", 300, false);
        if (applicant == null || applicant.isBlank()) {
            throw new InputRejected("Nhập họ tên người nộp hồ sơ (applicantName is required)");
        }
        String contact = InputLimits.text(request.applicantContact(), "applicantContact", 300, false);
        Instant now = clock.instant();
        Instant appointment = time.appointment(now, procedure.statutoryTime());
        String code = codes.newCode(now);
        String secret = codes.newSecret();
        long id = repository.insert(code, DossierCodes.hash(code, secret), procedure.code(), point.code(), unitCode,
                now, caller.userId(), (int) procedure.statutoryTime().toMinutes(), appointment,
                request.returnByPost(), applicant.trim(), contact, String.join(";", presented));
        repository.event(id, "RECEIVED", DossierStatus.RECEIVED, now, caller.userId(), appointment, null);
        // started as the system (officials need no right to start processes); the start event is a save point, so
        // the reception's transaction only writes the dossier and one job
        EngineAsSystem.run(identityService, () -> runtimeService.startProcessInstanceByKey(
                DossierHandlingProcess.KEY, code));
        return new ReceptionResult(true, new Receipt(code, secret, procedure.name(), point.name(),
                unitName(unitCode), now, appointment, text(appointment), procedure.timeText(), procedure.feeVnd(),
                procedure.feeNote(), List.copyOf(presented)), null);
    }

    private String competentUnit(Procedure procedure, String requested) {
        if (procedure.local()) {
            Unit unit = requested == null ? null : directory.unit(requested).orElse(null);
            if (unit == null || !unit.kind().isLocal()) {
                throw new InputRejected("Chọn phường, xã, đặc khu có thẩm quyền giải quyết (unitCode must be a ward, "
                        + "commune or special zone)");
            }
            return unit.code();
        }
        String fixed = procedure.fixedUnit();
        if (requested != null && !requested.isBlank() && !requested.equals(fixed)) {
            throw new InputRejected("Thủ tục này do " + unitName(fixed) + " giải quyết (the catalogue names "
                    + fixed + ")");
        }
        return fixed;
    }

    // --- the process's steps -----------------------------------------------------------------------------------------

    DossierRecord ofProcess(String processInstanceId) {
        return repository.byProcessInstance(processInstanceId).orElseThrow(() -> new IllegalStateException(
                "No dossier is bound to process instance " + processInstanceId));
    }

    HandlingPlan transfer(String code, String processInstanceId) {
        if (!repository.bindProcess(code, processInstanceId)) {
            throw new IllegalStateException("Dossier " + code + " is unknown or handled by another process");
        }
        DossierRecord dossier = ofProcess(processInstanceId);
        ReceptionPoint point = point(dossier);
        history.grant(processInstanceId, List.of(dossier.unitCode(), point.hostUnit()), List.of());
        repository.setStatus(dossier.id(), DossierStatus.IN_PROGRESS);
        repository.event(dossier.id(), "TRANSFERRED", DossierStatus.IN_PROGRESS, clock.instant(), "system", null,
                unitName(dossier.unitCode()));
        return plan(dossier, dossier.receivedAt(), Duration.ofMinutes(dossier.statutoryMinutes()),
                dossier.appointmentAt());
    }

    private HandlingPlan plan(DossierRecord dossier, Instant from, Duration remaining, Instant appointment) {
        Procedure procedure = procedure(dossier);
        String approver = directory.head(dossier.unitCode()).map(Official::userId).orElse(null);
        String signer = signers.signerFor(procedure.code(), procedure.certification(), dossier.unitCode())
                .orElse(null);
        DossierReminderPolicy.Policy policy = reminders.policyFor(procedure.statutoryTime(),
                procedure.certification());
        return new HandlingPlan(dossier.unitCode(), point(dossier).hostUnit(), approver, signer, appointment,
                time.apologyDue(from, remaining, policy.warnBefore()),
                time.lateEscalation(appointment, policy.escalateAfterLate()), procedure.name() + " – "
                + dossier.code(), summary(dossier));
    }

    String recordProcessing(DossierRecord dossier, Object decision, String note, String actor) {
        requireStatus(dossier, DossierStatus.IN_PROGRESS);
        String clean = InputLimits.text(note, "processingNote", InputLimits.REASON, true);
        String kind;
        String outcome;
        if (DossierHandlingProcess.OUTCOME_RESULT.equals(decision)) {
            kind = PROPOSED_RESULT;
            outcome = DossierHandlingProcess.OUTCOME_RESULT;
        } else if (DossierHandlingProcess.OUTCOME_SUPPLEMENT.equals(decision)) {
            requireText(clean, "Ghi rõ các giấy tờ cần bổ sung (processingNote is required for a supplement request)");
            kind = REQUESTED_SUPPLEMENT;
            outcome = DossierHandlingProcess.OUTCOME_SUPPLEMENT;
        } else if (DossierHandlingProcess.OUTCOME_REFUSAL.equals(decision)) {
            requireText(clean, "Ghi rõ lý do từ chối (processingNote is required for a refusal)");
            kind = PROPOSED_REFUSAL;
            outcome = DossierHandlingProcess.OUTCOME_REFUSAL;
        } else {
            throw new InputRejected("Chọn \"Trình kết quả\", \"Yêu cầu bổ sung\" hoặc \"Từ chối\" (processingDecision "
                    + "must be result, supplement or refusal)");
        }
        repository.event(dossier.id(), kind, DossierStatus.IN_PROGRESS, clock.instant(), actor, null, clean);
        return outcome;
    }

    String proposalText(DossierRecord dossier) {
        return lastProposal(dossier).map(e -> (PROPOSED_REFUSAL.equals(e.kind()) ? "Từ chối giải quyết" :
                "Trình kết quả giải quyết") + " (" + e.actor() + ")" + (e.note() == null ? "" : ": " + e.note()))
                .orElse("");
    }

    boolean recordApproval(DossierRecord dossier, Object decision, String note, String actor) {
        requireStatus(dossier, DossierStatus.IN_PROGRESS);
        requireHeadOrDeputy(dossier, actor);
        DossierRepository.Event proposal = lastProposal(dossier).orElseThrow(() -> new IllegalStateException(
                "Dossier " + dossier.code() + " has no proposal to approve"));
        if (actor.equals(proposal.actor())) {
            throw new Forbidden("Người đề xuất không tự phê duyệt đề xuất của mình (nobody approves his own proposal)");
        }
        String clean = InputLimits.text(note, "approvalNote", InputLimits.REASON, true);
        boolean approve;
        if ("approve".equals(decision)) {
            approve = true;
        } else if ("return".equals(decision)) {
            requireText(clean, "Ghi rõ ý kiến khi trả lại (approvalNote is required when returning)");
            approve = false;
        } else {
            throw new InputRejected("Chọn \"Phê duyệt\" hoặc \"Trả lại\" (approvalDecision must be approve or return)");
        }
        repository.event(dossier.id(), approve ? "APPROVED" : "RETURNED_FOR_REWORK", DossierStatus.IN_PROGRESS,
                clock.instant(), actor, null, clean);
        return approve;
    }

    void recordSignature(DossierRecord dossier, Object confirmed, String actor) {
        requireStatus(dossier, DossierStatus.IN_PROGRESS);
        if (!Boolean.TRUE.equals(confirmed) && !"true".equals(confirmed)) {
            throw new InputRejected("Xác nhận đã ký kết quả (signatureConfirmed must be true)");
        }
        Procedure procedure = procedure(dossier);
        Optional<String> signer = signers.signerFor(procedure.code(), procedure.certification(), dossier.unitCode());
        if (signer.isPresent() ? !signer.get().equals(actor) : !isHeadOrDeputy(dossier, actor)) {
            throw new Forbidden("Chỉ người có thẩm quyền ký được ký kết quả hồ sơ này (only the signer may sign)");
        }
        DossierRepository.Event proposal = lastProposal(dossier).orElseThrow();
        boolean refusal = PROPOSED_REFUSAL.equals(proposal.kind());
        DossierStatus status = refusal ? DossierStatus.REFUSED : DossierStatus.RESULT_READY;
        Instant now = clock.instant();
        repository.decide(dossier.id(), status, refusal ? DossierHandlingProcess.OUTCOME_REFUSAL
                : DossierHandlingProcess.OUTCOME_RESULT, refusal ? proposal.note() : null, now);
        repository.event(dossier.id(), "SIGNED", status, now, actor, null, refusal ? proposal.note() : null);
        // timeliness counts against the appointment before any apology (reset when a supplement resumed the clock)
        if (now.isAfter(dossier.firstAppointmentAt())) {
            late(dossier, now);
        }
    }

    void sendResult(DossierRecord dossier) {
        repository.event(dossier.id(), "SENT_TO_RECEPTION", dossier.status(), clock.instant(), "system", null,
                point(dossier).name());
    }

    void recordReturn(DossierRecord dossier, Object byPost, String actor) {
        if (dossier.status() != DossierStatus.RESULT_READY && dossier.status() != DossierStatus.REFUSED) {
            throw new IllegalStateException("Dossier " + dossier.code() + " has no result to return");
        }
        boolean post = Boolean.TRUE.equals(byPost) || "true".equals(byPost);
        Instant now = clock.instant();
        repository.returned(dossier.id(), now, post);
        repository.event(dossier.id(), "RETURNED", DossierStatus.RETURNED, now, actor, null,
                post ? "Gửi qua dịch vụ bưu chính" : "Trả trực tiếp tại " + point(dossier).name());
    }

    /** The clock pauses: the working time left is kept until the papers arrive. Returns the written request. */
    String pause(DossierRecord dossier) {
        Instant now = clock.instant();
        Duration remaining = time.remaining(now, dossier.appointmentAt());
        repository.pause(dossier.id(), now, (int) remaining.toMinutes());
        String request = lastEvent(dossier, REQUESTED_SUPPLEMENT).map(DossierRepository.Event::note).orElse("");
        repository.event(dossier.id(), "SUPPLEMENT_REQUESTED", DossierStatus.SUPPLEMENT_REQUESTED, now, "system",
                null, request);
        return request;
    }

    HandlingPlan resume(DossierRecord dossier, Object complete, String note, String actor) {
        requireStatus(dossier, DossierStatus.SUPPLEMENT_REQUESTED);
        if (!Boolean.TRUE.equals(complete) && !"true".equals(complete)) {
            throw new InputRejected("Chỉ tiếp nhận khi người nộp đã bổ sung đủ giấy tờ được yêu cầu "
                    + "(supplementComplete must be true)");
        }
        Instant now = clock.instant();
        Duration remaining = Duration.ofMinutes(dossier.remainingMinutes() == null ? 0 : dossier.remainingMinutes());
        Instant appointment = time.appointment(now, remaining);
        repository.resume(dossier.id(), appointment);
        repository.event(dossier.id(), "SUPPLEMENT_RECEIVED", DossierStatus.IN_PROGRESS, now, actor, appointment,
                InputLimits.text(note, "supplementNote", InputLimits.REASON, true));
        return plan(dossier, now, remaining, appointment);
    }

    /** The apology letter (phiếu xin lỗi và hẹn lại, Circular 01/2018/TT-VPCP form 04): the new appointment. */
    Instant apologise(DossierRecord dossier, String reason, Object extraWorkingDays, String actor) {
        requireStatus(dossier, DossierStatus.IN_PROGRESS);
        String clean = InputLimits.text(reason, "apologyReason", InputLimits.REASON, true);
        requireText(clean, "Ghi rõ lý do chậm giải quyết (apologyReason is required)");
        long days;
        try {
            days = extraWorkingDays instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(
                    extraWorkingDays));
        } catch (NumberFormatException e) {
            days = 0;
        }
        if (days < 1 || days > 30) {
            throw new InputRejected("Số ngày làm việc cần thêm từ 1 đến 30 (extraWorkingDays must be 1-30)");
        }
        Instant appointment = time.appointment(dossier.appointmentAt(), Duration.ofHours(8 * days));
        repository.apologise(dossier.id(), appointment);
        repository.event(dossier.id(), "APOLOGY", DossierStatus.IN_PROGRESS, clock.instant(), actor, appointment,
                clean);
        return appointment;
    }

    /** The dossier passed its appointment unfinished: marked late, the unit's KPI fact, its head told (once). */
    void late(DossierRecord dossier, Instant at) {
        if (!repository.markLate(dossier.id())) {
            return;
        }
        repository.event(dossier.id(), "LATE", dossier.status(), at, "system", dossier.appointmentAt(), null);
        events.publishEvent(new DossierBecameLate(dossier.code(), dossier.unitCode(), dossier.firstAppointmentAt(),
                at));
        notifyUnit(dossier, NotificationKind.OVERDUE, "dossier-late", "late");
    }

    void warnDueSoon(DossierRecord dossier) {
        notifyUnit(dossier, NotificationKind.REMINDER, "dossier-due-soon",
                "due-soon:" + dossier.appointmentAt().getEpochSecond());
    }

    /**
     * Still unfinished long after the appointment (the decision's escalation time): the unit head and the head of the
     * City PC Office, which runs the service centre, are told (once per appointment).
     */
    void escalateLate(DossierRecord dossier) {
        if (dossier.status() != DossierStatus.IN_PROGRESS) {
            return;
        }
        repository.event(dossier.id(), "LATE_ESCALATED", dossier.status(), clock.instant(), "system",
                dossier.appointmentAt(), null);
        notifyUnit(dossier, NotificationKind.ESCALATION, "dossier-late-escalation",
                "late-escalation:" + dossier.appointmentAt().getEpochSecond(), Roles.CITY_OFFICE);
    }

    private void notifyUnit(DossierRecord dossier, NotificationKind kind, String template, String occurrence) {
        notifyUnit(dossier, kind, template, occurrence, null);
    }

    private void notifyUnit(DossierRecord dossier, NotificationKind kind, String template, String occurrence,
                            String alsoUnit) {
        List<String> recipients = new ArrayList<>();
        directory.head(dossier.unitCode()).map(Official::userId).ifPresent(recipients::add);
        if (alsoUnit != null) {
            directory.head(alsoUnit).map(Official::userId).filter(u -> !recipients.contains(u))
                    .ifPresent(recipients::add);
        }
        if (recipients.isEmpty()) {
            return;
        }
        notifications.enqueue(new Notification("dossier:" + dossier.code() + ":" + occurrence, kind, null,
                recipients, template, Map.of("code", dossier.code(), "procedure", procedure(dossier).name(),
                "unitName", unitName(dossier.unitCode()), "appointment", text(dossier.appointmentAt()))));
    }

    // --- the web app's pages ----------------------------------------------------------------------------------------

    /** The reception points where the signed-in official receives (host unit, City PC Office, administrators). */
    List<ReceptionPoint> myPoints() {
        DossierAccess.Caller caller = access.caller();
        return data.points().stream().filter(caller::receivesAt).toList();
    }

    /** The competent units the signed-in official handles for (his unit groups that are units). */
    List<String> myUnits() {
        return access.caller().groups().stream().filter(g -> directory.unit(g).isPresent()).toList();
    }

    /** The appointment the receipt would show if the dossier were received now. */
    Instant appointmentIfReceivedNow(Procedure procedure) {
        return time.appointment(clock.instant(), procedure.statutoryTime());
    }

    /** Dossiers waiting at these points: papers to take in (paused clock), results to return. */
    List<DossierRepository.QueueItem> pointQueue(List<ReceptionPoint> points) {
        return repository.queue(false, points.stream().map(ReceptionPoint::code).toList(),
                List.of(DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.RESULT_READY, DossierStatus.REFUSED), 100);
    }

    /** Dossiers these units are handling. */
    List<DossierRepository.QueueItem> unitQueue(List<String> units) {
        return repository.queue(true, units, List.of(DossierStatus.RECEIVED, DossierStatus.IN_PROGRESS), 100);
    }

    // --- reading -----------------------------------------------------------------------------------------------------

    DossierRecord byCode(String code) {
        return repository.byCode(code == null ? "" : code).orElseThrow(() -> new NotFound(
                "Không tìm thấy hồ sơ " + code + " (no such dossier)"));
    }

    List<DossierRepository.Event> events(DossierRecord dossier) {
        return repository.events(dossier.id());
    }

    /** The citizen's lookup: a wrong security code answers exactly like an unknown dossier. */
    public PublicView lookup(String code, String securityCode) {
        NotFound notFound = new NotFound("Không tìm thấy hồ sơ với mã hồ sơ và mã bảo mật đã nhập (no dossier "
                + "with this code and security code)");
        if (code == null || code.length() > 40) {
            throw notFound;
        }
        DossierRecord dossier = repository.byCode(code.trim().toUpperCase()).orElseThrow(() -> notFound);
        if (!DossierCodes.matches(dossier.code(), securityCode, dossier.secretHash())) {
            throw notFound;
        }
        List<PublicStep> steps = new ArrayList<>();
        DossierStatus previous = null;
        for (DossierRepository.Event event : repository.events(dossier.id())) {
            if (event.status() != previous) {
                steps.add(new PublicStep(event.status().label(), event.at()));
                previous = event.status();
            }
        }
        return new PublicView(dossier.code(), dossier.status().label(), dossier.status().portalCode(),
                dossier.receivedAt(), dossier.appointmentAt(), dossier.returnedAt(), steps);
    }

    ReceptionPoint point(DossierRecord dossier) {
        return data.point(dossier.receptionPoint()).orElseThrow(() -> new IllegalStateException(
                "Reception point " + dossier.receptionPoint() + " is no longer in the reference data"));
    }

    Procedure procedure(DossierRecord dossier) {
        return data.procedure(dossier.procedureCode()).orElseThrow(() -> new IllegalStateException(
                "Procedure " + dossier.procedureCode() + " is no longer in the catalogue"));
    }

    String unitName(String unitCode) {
        return directory.unit(unitCode).map(Unit::name).orElse(unitCode);
    }

    static String text(Instant instant) {
        return VietnameseDates.deadline(instant.atOffset(ZoneOffset.UTC));
    }

    private String summary(DossierRecord dossier) {
        return "Mã hồ sơ: " + dossier.code() + "\nThủ tục: " + procedure(dossier).name() + "\nNgười nộp: "
                + dossier.applicantName() + "\nNơi tiếp nhận: " + point(dossier).name() + "\nNgày tiếp nhận: "
                + text(dossier.receivedAt()) + "\nThành phần hồ sơ: " + dossier.papers().replace(";", "; ");
    }

    private Optional<DossierRepository.Event> lastProposal(DossierRecord dossier) {
        List<DossierRepository.Event> all = repository.events(dossier.id());
        for (int i = all.size() - 1; i >= 0; i--) {
            String kind = all.get(i).kind();
            if (PROPOSED_RESULT.equals(kind) || PROPOSED_REFUSAL.equals(kind)) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private Optional<DossierRepository.Event> lastEvent(DossierRecord dossier, String kind) {
        List<DossierRepository.Event> all = repository.events(dossier.id());
        for (int i = all.size() - 1; i >= 0; i--) {
            if (kind.equals(all.get(i).kind())) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    private boolean isHeadOrDeputy(DossierRecord dossier, String actor) {
        return directory.official(actor).filter(o -> dossier.unitCode().equals(o.unitCode())
                && (o.role() == Role.HEAD || o.role() == Role.DEPUTY)).isPresent();
    }

    private void requireHeadOrDeputy(DossierRecord dossier, String actor) {
        if (!isHeadOrDeputy(dossier, actor)) {
            throw new Forbidden("Chỉ thủ trưởng, phó thủ trưởng đơn vị có thẩm quyền được phê duyệt (only the unit's "
                    + "head or a deputy approves)");
        }
    }

    private static void requireStatus(DossierRecord dossier, DossierStatus status) {
        if (dossier.status() != status) {
            throw new vn.dieuhanh.platform.Conflict("Hồ sơ đang ở trạng thái \"" + dossier.status().label()
                    + "\" (the dossier is " + dossier.status() + ")");
        }
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new InputRejected(message);
        }
    }
}
