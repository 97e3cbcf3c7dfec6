package vn.dieuhanh.indicator;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.dieuhanh.indicator.ExplanationRequestProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dieuhanh.ProcessTestEngine;

/**
 * {@code explanation-request} on the in-memory engine. The service tasks are fakes that record their calls (the real
 * steps are covered by IndicatorApiTest); the review fake turns the form's "true"/"false" into a boolean and, when
 * asked again, sets the next round's deadline, as the real step does.
 */
@Deployment(resources = {"processes/indicator/explanation-request.bpmn", "forms/explain-indicator.form",
        "forms/review-indicator-explanation.form"})
class ExplanationRequestProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");          // Monday 2/3/2026 09:00 in HCMC
    static final Date DEADLINE = Date.from(Instant.parse("2026-03-05T16:59:59Z")); // Thursday 5/3 23:59:59
    static final Date SECOND_DEADLINE = Date.from(Instant.parse("2026-03-12T16:59:59Z"));

    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void fakes() {
        init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register(BEAN_RECORD_EXPLANATION, (JavaDelegate) e -> calls.add("explanation:" + e.getVariable(VAR_ROUND)
                + ":" + e.getVariable(VAR_EXPLANATION)));
        Mocks.register("nameExplanationTask", (TaskListener) task -> { });
        Mocks.register(BEAN_NOTIFY_OVERDUE, (JavaDelegate) e -> calls.add("overdue:" + e.getVariable(VAR_ROUND)));
        Mocks.register(BEAN_RECORD_REVIEW, (JavaDelegate) e -> {
            boolean accepted = Boolean.parseBoolean(String.valueOf(e.getVariable(VAR_EXPLANATION_ACCEPTED)));
            calls.add("review:" + e.getVariable(VAR_ROUND) + ":" + accepted);
            e.setVariable(VAR_EXPLANATION_ACCEPTED, accepted);
            if (!accepted) {
                e.setVariable(VAR_ROUND, (Integer) e.getVariable(VAR_ROUND) + 1);
                e.setVariable(VAR_DEADLINE, SECOND_DEADLINE);
                e.setVariable(VAR_QUESTION, e.getVariable(VAR_REVIEW_NOTE));
            }
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(KEY, "request-1", withVariables(
                VAR_REQUEST_ID, "request-1",
                VAR_UNIT_CODE, "phuong-sai-gon",
                VAR_INDICATOR_CODE, "KT-01",
                VAR_INDICATOR_NAME, "Thu ngân sách nhà nước trên địa bàn",
                VAR_PERIOD, "2026-02",
                VAR_QUESTION, "Vì sao thu ngân sách tháng 2 chỉ đạt 40% tiến độ?",
                VAR_REQUESTED_BY, "chair",
                VAR_WORKING_DAYS, 3,
                VAR_DEADLINE, DEADLINE,
                VAR_ROUND, 1));
    }

    Job deadlineTimer(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    @Test
    void theUnitExplainsInTimeAndTheRequesterAccepts() {
        ProcessInstance instance = start();

        assertThat(instance).isWaitingAt(TASK_EXPLAIN);
        assertThat(task()).hasCandidateGroup("phuong-sai-gon").isNotAssigned().hasDueDate(DEADLINE);
        CamundaFormRef form = taskService().createTaskQuery().initializeFormKeys().singleResult().getCamundaFormRef();
        org.assertj.core.api.Assertions.assertThat(form.getKey()).isEqualTo(FORM_EXPLAIN);
        org.assertj.core.api.Assertions.assertThat(form.getBinding()).isEqualTo("latest");
        org.assertj.core.api.Assertions.assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(DEADLINE);

        complete(task(), withVariables(VAR_EXPLANATION, "Hai doanh nghiệp lớn nộp thuế chậm, đã đôn đốc"));

        assertThat(instance).isWaitingAt(TASK_REVIEW);
        assertThat(task()).isAssignedTo("chair");
        org.assertj.core.api.Assertions.assertThat(deadlineTimer(instance)).as("the deadline timer ends with the task")
                .isNull();
        complete(task(), withVariables(VAR_EXPLANATION_ACCEPTED, "true"));

        assertThat(instance).hasPassed(SERVICE_RECORD_EXPLANATION, SERVICE_RECORD_REVIEW, END_ACCEPTED)
                .hasNotPassed(SERVICE_NOTIFY_OVERDUE).isEnded();
        org.assertj.core.api.Assertions.assertThat(calls).containsExactly(
                "explanation:1:Hai doanh nghiệp lớn nộp thuế chậm, đã đôn đốc", "review:1:true");
    }

    @Test
    void whenTheDeadlinePassesTheUnitHeadAndRequesterAreToldOnceAndTheTaskStaysOpen() {
        ProcessInstance instance = start();
        Job timer = deadlineTimer(instance);

        ClockUtil.setCurrentTime(new Date(DEADLINE.getTime() - 1000));
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().executable().count())
                .as("not due a second before the deadline").isZero();
        ClockUtil.setCurrentTime(new Date(DEADLINE.getTime() + 1000));
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().executable().singleResult()
                .getId()).isEqualTo(timer.getId());
        execute(timer);

        org.assertj.core.api.Assertions.assertThat(calls).containsExactly("overdue:1");
        assertThat(instance).hasPassed(END_OVERDUE_NOTIFIED).isWaitingAt(TASK_EXPLAIN);
        org.assertj.core.api.Assertions.assertThat(deadlineTimer(instance)).as("fired once").isNull();

        complete(task(), withVariables(VAR_EXPLANATION, "Giải trình muộn"));
        complete(task(), withVariables(VAR_EXPLANATION_ACCEPTED, "true"));
        assertThat(instance).isEnded();
    }

    @Test
    void theRequesterAsksAgainWithANewDeadline() {
        ProcessInstance instance = start();
        complete(task(instance), withVariables(VAR_EXPLANATION, "Do dịch bệnh"));
        complete(task(instance), withVariables(VAR_EXPLANATION_ACCEPTED, "false",
                VAR_REVIEW_NOTE, "Đề nghị nêu rõ giải pháp và thời gian khắc phục"));

        assertThat(instance).isWaitingAt(TASK_EXPLAIN).hasPassed(GATEWAY_ACCEPTED, GATEWAY_BACK_TO_EXPLANATION);
        assertThat(task(instance)).hasCandidateGroup("phuong-sai-gon").hasDueDate(SECOND_DEADLINE);
        org.assertj.core.api.Assertions.assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(SECOND_DEADLINE);
        assertThat(instance).variables().containsEntry(VAR_ROUND, 2)
                .containsEntry(VAR_QUESTION, "Đề nghị nêu rõ giải pháp và thời gian khắc phục");

        complete(task(instance), withVariables(VAR_EXPLANATION, "Giải pháp: ... hoàn thành trong quý II"));
        complete(task(instance), withVariables(VAR_EXPLANATION_ACCEPTED, "true"));
        assertThat(instance).isEnded();
        org.assertj.core.api.Assertions.assertThat(calls).containsExactly("explanation:1:Do dịch bệnh",
                "review:1:false", "explanation:2:Giải pháp: ... hoàn thành trong quý II", "review:2:true");
    }

    @Test
    void theOverdueStepCanBeStartedOnItsOwn() {
        ProcessInstance instance = runtimeService().createProcessInstanceByKey(KEY)
                .startBeforeActivity(SERVICE_NOTIFY_OVERDUE)
                .setVariables(withVariables(VAR_REQUEST_ID, "request-2", VAR_ROUND, 1))
                .execute();
        assertThat(instance).hasPassed(END_OVERDUE_NOTIFIED).isEnded();
        org.assertj.core.api.Assertions.assertThat(calls).containsExactly("overdue:1");
    }
}
