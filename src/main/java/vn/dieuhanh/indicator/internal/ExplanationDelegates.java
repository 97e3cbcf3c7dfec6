package vn.dieuhanh.indicator.internal;

import static vn.dieuhanh.indicator.ExplanationRequestProcess.*;

import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.platform.TaskTexts;

/**
 * The service tasks of {@code explanation-request}, one bean each. "Ghi nhận nội dung giải trình" and "Ghi nhận kết
 * quả xem xét" run in the transaction of the user task before them, so an empty answer is refused to the official in
 * Tasklist; "Thông báo quá hạn giải trình" runs in the boundary timer's job (its save point), writing to the outbox.
 */
@Configuration(proxyBeanMethods = false)
class ExplanationDelegates {

    @Bean(BEAN_RECORD_EXPLANATION)
    JavaDelegate recordExplanation(ExplanationRequests requests) {
        return execution -> requests.recordExplanation(requests.ofProcessInstance(execution.getProcessInstanceId()),
                execution.getVariable(VAR_EXPLANATION), currentUser(execution));
    }

    @Bean(BEAN_RECORD_REVIEW)
    JavaDelegate recordExplanationReview(ExplanationRequests requests) {
        return execution -> {
            boolean accepted = accepted(execution.getVariable(VAR_EXPLANATION_ACCEPTED));
            Optional<ExplanationRequests.NextRound> next = requests.recordReview(
                    requests.ofProcessInstance(execution.getProcessInstanceId()), accepted,
                    execution.getVariable(VAR_REVIEW_NOTE), currentUser(execution));
            // the gateway reads the decision as a boolean
            execution.setVariable(VAR_EXPLANATION_ACCEPTED, accepted);
            next.ifPresent(round -> {
                execution.setVariable(VAR_ROUND, round.round());
                execution.setVariable(VAR_QUESTION, round.question());
                execution.setVariable(VAR_DEADLINE, Date.from(round.deadline().toInstant()));
                execution.setVariable(VAR_DEADLINE_TEXT, VietnameseDates.deadline(round.deadline()));
                execution.setVariable(VAR_EXPLANATION, null);
                execution.setVariable(VAR_REVIEW_NOTE, null);
            });
        };
    }

    /**
     * Names the explanation and review tasks after the request, from its record (found by the business key the
     * application gives the instance, since the first task exists before the instance is attached to the request):
     * "Giải trình chỉ tiêu: Tốc độ tăng GRDP, Quý I/2026 (Phường Bàn Cờ)", with round, question and deadline in the
     * description. The model's name stays the analysts' label.
     */
    @Bean
    TaskListener nameExplanationTask(ExplanationRequests requests) {
        return task -> {
            String key = task.getExecution().getProcessBusinessKey();
            Optional<ExplanationRequests.View> found = key == null ? Optional.empty() : requests.get(key)
                    .filter(view -> view.processInstanceId() == null
                            || view.processInstanceId().equals(task.getProcessInstanceId()));
            if (found.isEmpty()) {
                return;
            }
            ExplanationRequests.View request = found.get();
            String period = request.period() == null || request.period().isBlank() ? null
                    : ReportingPeriod.parse(request.period()).vietnameseLabel();
            String indicator = request.indicatorName() != null ? request.indicatorName() : request.indicatorCode();
            String unit = request.unitName() != null ? request.unitName() : request.unitCode();
            String verb = TASK_REVIEW.equals(task.getTaskDefinitionKey()) ? "Xem xét giải trình" : "Giải trình chỉ tiêu";
            task.setName(TaskTexts.name(verb, period == null ? indicator : indicator + ", " + period, unit));
            task.setDescription(TaskTexts.description(
                    "Đơn vị", unit,
                    "Chỉ tiêu", indicator + " (" + request.indicatorCode() + ")",
                    "Kỳ", period,
                    "Lần yêu cầu", String.valueOf(request.round()),
                    "Hạn giải trình", request.deadlineText(),
                    "Nội dung yêu cầu", request.question()));
        };
    }

    @Bean(BEAN_NOTIFY_OVERDUE)
    JavaDelegate notifyExplanationOverdue(ExplanationRequests requests) {
        return execution -> {
            ExplanationRepository.RequestRow request = requests.ofProcessInstance(execution.getProcessInstanceId());
            requests.notifyOverdue(request.id(), request.round());
        };
    }

    /** The form's radio gives "true"/"false"; REST clients may send a boolean. */
    static boolean accepted(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if (value != null && (value.toString().equalsIgnoreCase("true") || value.toString().equalsIgnoreCase(
                "false"))) {
            return Boolean.parseBoolean(value.toString());
        }
        throw new ExplanationRequests.InvalidRequest("Hãy chọn chấp nhận giải trình hoặc yêu cầu giải trình lại");
    }

    private static String currentUser(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
