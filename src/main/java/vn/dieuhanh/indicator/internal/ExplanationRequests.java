package vn.dieuhanh.indicator.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import static vn.dieuhanh.indicator.ExplanationRequestProcess.*;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.Notifications;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.EngineAsSystem;
import vn.dieuhanh.platform.HistoryReadGrants;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

/**
 * Explanation requests (yêu cầu giải trình): the rows REST lists, and the steps of {@code explanation-request}.
 * "Now" is the engine clock.
 */
@Service
public class ExplanationRequests {

    public static final int MAX_WORKING_DAYS = 60;
    public static final int MAX_TEXT = 4000;
    static final String OVERDUE_TEMPLATE = "explanation-overdue";

    public record NewRequest(String indicatorCode, String unitCode, String period, String question,
                             Integer workingDays, String requestedBy) {
    }

    public record Round(int round, String question, OffsetDateTime deadline, String explanation, String explainedBy,
                        OffsetDateTime explainedAt, Boolean accepted, String reviewNote, String reviewedBy,
                        OffsetDateTime reviewedAt) {
    }

    public record View(String id, String indicatorCode, String indicatorName, String catalogueVersion,
                       String unitCode, String unitName, String period, String question, int workingDays,
                       OffsetDateTime deadline, String deadlineText, String requestedBy, OffsetDateTime requestedAt,
                       ExplanationStatus status, String statusLabel, int round, boolean overdue,
                       OffsetDateTime overdueNotifiedAt, OffsetDateTime closedAt, String processInstanceId,
                       List<Round> rounds) {
    }

    /** Input a caller can fix: a 400. */
    public static class InvalidRequest extends InputRejected {
        public InvalidRequest(String message) {
            super(message);
        }
    }

    /** An unknown indicator: a 404. */
    public static class IndicatorNotFound extends NotFound {
        public IndicatorNotFound(String message) {
            super(message);
        }
    }

    private final ExplanationRepository repository;
    private final JdbcIndicatorCatalogue catalogue;
    private final OrganisationDirectory directory;
    private final WorkingCalendar calendar;
    private final Notifications notifications;
    private final RuntimeService runtime;
    private final IdentityService identity;

    private final HistoryReadGrants history;
    private final Clock clock;

    ExplanationRequests(ExplanationRepository repository, JdbcIndicatorCatalogue catalogue,
                        OrganisationDirectory directory, WorkingCalendar calendar, Notifications notifications,
                        RuntimeService runtime, IdentityService identity, HistoryReadGrants history,
                        Clock clock) {
        this.clock = clock;
        this.history = history;
        this.repository = repository;
        this.catalogue = catalogue;
        this.directory = directory;
        this.calendar = calendar;
        this.notifications = notifications;
        this.runtime = runtime;
        this.identity = identity;
    }

    /** Records the request and starts its process (the caller has checked that the requester may ask). */
    @Transactional
    public View create(NewRequest request) {
        String version = catalogue.currentVersion();
        CatalogueEntry entry = catalogue.entry(version, request.indicatorCode()).orElseThrow(() ->
                new IndicatorNotFound("Không có chỉ tiêu " + request.indicatorCode() + " trong danh mục phiên bản "
                        + version));
        if (request.unitCode() == null || request.unitCode().isBlank()) {
            throw new InvalidRequest("Chưa chọn đơn vị giải trình (unitCode is required)");
        }
        Unit unit = directory.unit(request.unitCode()).orElseThrow(() ->
                new InvalidRequest("Không tìm thấy đơn vị '" + request.unitCode() + "'"));
        if (!entry.indicator().reportedBy().contains(unit.kind().code())) {
            throw new InvalidRequest(unit.name() + " không báo cáo chỉ tiêu " + entry.code() + " ("
                    + entry.indicator().name() + ")");
        }
        ReportingPeriod period = null;
        if (request.period() != null && !request.period().isBlank()) {
            try {
                period = ReportingPeriod.parse(request.period());
            } catch (IllegalArgumentException e) {
                throw new InvalidRequest(e.getMessage());
            }
        }
        String question = text("question (nội dung yêu cầu giải trình)", request.question());
        if (request.workingDays() == null || request.workingDays() < 1
                || request.workingDays() > MAX_WORKING_DAYS) {
            throw new InvalidRequest("Thời hạn giải trình tính bằng ngày làm việc, từ 1 đến " + MAX_WORKING_DAYS
                    + " (workingDays must be 1 to " + MAX_WORKING_DAYS + ")");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime deadline = calendar.deadlineAfterWorkingDays(now.toInstant(), request.workingDays());
        String id = UUID.randomUUID().toString();
        repository.insert(new ExplanationRepository.RequestRow(id, entry.code(), version, unit.code(),
                period == null ? null : period.label(), question, request.workingDays(), deadline,
                request.requestedBy(), now, ExplanationStatus.OPEN.name(), 1, null, null, null));
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REQUEST_ID, id);
        variables.put(VAR_UNIT_CODE, unit.code());
        variables.put(VAR_UNIT_NAME, unit.name());
        variables.put(VAR_INDICATOR_CODE, entry.code());
        variables.put(VAR_INDICATOR_NAME, entry.indicator().name());
        variables.put(VAR_PERIOD, period == null ? "" : period.label());
        variables.put(VAR_PERIOD_TEXT, period == null ? "" : period.vietnameseLabel());
        variables.put(VAR_QUESTION, question);
        variables.put(VAR_REQUESTED_BY, request.requestedBy());
        variables.put(VAR_REQUESTED_BY_NAME, directory.official(request.requestedBy()).map(Official::fullName)
                .orElse(request.requestedBy()));
        variables.put(VAR_WORKING_DAYS, request.workingDays());
        variables.put(VAR_DEADLINE, Date.from(deadline.toInstant()));
        variables.put(VAR_DEADLINE_TEXT, VietnameseDates.deadline(deadline));
        variables.put(VAR_ROUND, 1);
        String processInstanceId = EngineAsSystem.call(identity, () ->
                runtime.startProcessInstanceByKey(KEY, id, variables).getId());
        repository.attachProcess(id, processInstanceId);
        history.grant(processInstanceId, List.of(unit.code()), List.of(request.requestedBy()));
        return get(id).orElseThrow();
    }

    public Optional<View> get(String id) {
        return repository.find(id).map(this::view);
    }

    public List<View> list(String unitCode, ExplanationStatus status) {
        return repository.list(unitCode, status == null ? null : status.name()).stream().map(this::view).toList();
    }

    /** The request an {@code explanation-request} instance works on: from the table, never from its variables. */
    ExplanationRepository.RequestRow ofProcessInstance(String processInstanceId) {
        return repository.findByProcessInstance(processInstanceId).orElseThrow(() ->
                new IllegalStateException("No explanation request belongs to process instance " + processInstanceId));
    }

    /** Step "Ghi nhận nội dung giải trình": an official of the unit asked answers the current round. */
    public void recordExplanation(ExplanationRepository.RequestRow request, Object explanation, String by) {
        boolean member = by != null && directory.official(by).map(o -> o.unitCode().equals(request.unitCode()))
                .orElse(false);
        if (!member) {
            throw new AuthorizationException("Chỉ cán bộ của đơn vị " + request.unitCode() + " được giải trình (only "
                    + "the unit's officials answer)");
        }
        String text = text("explanation (nội dung giải trình)", explanation == null ? null : explanation.toString());
        repository.recordExplanation(request.id(), request.round(), text, by, OffsetDateTime.now(clock));
    }

    /** The next round after "ask again": its deadline. */
    public record NextRound(int round, String question, OffsetDateTime deadline) {
    }

    /** Step "Ghi nhận kết quả xem xét": closes the request, or opens the next round with a new deadline. */
    public Optional<NextRound> recordReview(ExplanationRepository.RequestRow request, boolean accepted, Object note,
                                            String by) {
        String requestId = request.id();
        int round = request.round();
        if (by == null || !by.equals(request.requestedBy())) {
            throw new AuthorizationException("Chỉ người yêu cầu giải trình được xem xét (only the requester decides)");
        }
        boolean answeredByReviewer = repository.rounds(requestId).stream()
                .anyMatch(r -> r.round() == round && by.equals(r.explainedBy()));
        if (answeredByReviewer) {
            throw new AuthorizationException("Không được tự xem xét giải trình do chính mình viết (you cannot decide on "
                    + "your own explanation)");
        }
        String reviewNote = note == null || note.toString().isBlank() ? null : note.toString().strip();
        if (!accepted && reviewNote == null) {
            throw new InvalidRequest("Khi yêu cầu giải trình lại, hãy ghi nội dung cần giải trình thêm");
        }
        if (reviewNote != null && reviewNote.length() > MAX_TEXT) {
            throw new InvalidRequest("Ý kiến quá dài (tối đa " + MAX_TEXT + " ký tự)");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        repository.recordReview(requestId, round, accepted, reviewNote, by, now);
        if (accepted) {
            return Optional.empty();
        }
        ExplanationRepository.RequestRow row = repository.find(requestId).orElseThrow();
        OffsetDateTime deadline = calendar.deadlineAfterWorkingDays(now.toInstant(), row.workingDays());
        repository.askAgain(requestId, round + 1, reviewNote, deadline);
        return Optional.of(new NextRound(round + 1, reviewNote, deadline));
    }

    /**
     * Step "Thông báo quá hạn giải trình": tells the unit head and the requester, once per round (outbox key
     * {@code indicator-explanation:<id>:OVERDUE:<round>}).
     */
    public boolean notifyOverdue(String requestId, int round) {
        ExplanationRepository.RequestRow row = repository.find(requestId).orElseThrow(() ->
                new IllegalStateException("No explanation request " + requestId));
        Set<String> recipients = new LinkedHashSet<>();
        directory.head(row.unitCode()).map(Official::userId).ifPresent(recipients::add);
        if (row.requestedBy() != null) {
            recipients.add(row.requestedBy());
        }
        Map<String, Object> model = new HashMap<>();
        model.put("indicatorCode", row.indicatorCode());
        model.put("indicatorName", catalogue.entry(row.catalogueVersion(), row.indicatorCode())
                .map(e -> e.indicator().name()).orElse(row.indicatorCode()));
        model.put("unitName", directory.unit(row.unitCode()).map(Unit::name).orElse(row.unitCode()));
        model.put("periodText", row.period() == null ? "" : ReportingPeriod.parse(row.period()).vietnameseLabel());
        model.put("question", repository.rounds(requestId).stream().filter(r -> r.round() == round)
                .map(ExplanationRepository.RoundRow::question).findFirst().orElse(row.question()));
        model.put("deadline", VietnameseDates.deadline(row.deadline()));
        model.put("requestedByName", directory.official(row.requestedBy()).map(Official::fullName)
                .orElse(row.requestedBy()));
        boolean fresh = notifications.enqueue(new Notification("indicator-explanation:" + requestId + ":OVERDUE:"
                + round, NotificationKind.EXPLANATION_OVERDUE, null, List.copyOf(recipients), OVERDUE_TEMPLATE,
                model));
        repository.markOverdueNotified(requestId, OffsetDateTime.now(clock));
        return fresh;
    }

    private View view(ExplanationRepository.RequestRow row) {
        ExplanationStatus status = ExplanationStatus.valueOf(row.status());
        List<Round> rounds = new ArrayList<>();
        for (ExplanationRepository.RoundRow r : repository.rounds(row.id())) {
            rounds.add(new Round(r.round(), r.question(), r.deadline(), r.explanation(), r.explainedBy(),
                    r.explainedAt(), r.accepted(), r.reviewNote(), r.reviewedBy(), r.reviewedAt()));
        }
        boolean overdue = status == ExplanationStatus.OPEN && OffsetDateTime.now(clock).isAfter(row.deadline());
        String indicatorName = catalogue.entry(row.catalogueVersion(), row.indicatorCode())
                .map(e -> e.indicator().name()).orElse(null);
        return new View(row.id(), row.indicatorCode(), indicatorName, row.catalogueVersion(), row.unitCode(),
                directory.unit(row.unitCode()).map(Unit::name).orElse(null), row.period(), row.question(),
                row.workingDays(), row.deadline().withOffsetSameInstant(WorkingCalendar.ZONE.getRules()
                        .getOffset(row.deadline().toInstant())),
                VietnameseDates.deadline(row.deadline()), row.requestedBy(), row.requestedAt(), status,
                status.label(), row.round(), overdue, row.overdueNotifiedAt(), row.closedAt(),
                row.processInstanceId(), rounds);
    }

    private static String text(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequest("Chưa nhập nội dung: " + what);
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidRequest("Tối đa " + MAX_TEXT + " ký tự: " + what);
        }
        return value.strip();
    }
}
