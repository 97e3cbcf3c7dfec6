package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import vn.dieuhanh.calendar.CalendarArgumentException;

/** The delegate in a real in-memory engine, with the shipped schedules (Tết 2026). */
class ComputeDeadlineDelegateTest {

    // not final: ProcessEngineExtension injects the (same) engine into ProcessEngine fields
    private static ProcessEngine engine = buildEngine();

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(engine).build();

    private static ProcessEngine buildEngine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:calendar-delegate-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate("create-drop");
        configuration.setJobExecutorActivate(false);
        // not "default": that name belongs to the Spring contexts the REST API serves in this JVM
        configuration.setProcessEngineName("calendar-delegate-test");
        configuration.setBeans(Map.of("computeDeadline",
                new ComputeDeadlineDelegate(TestCalendars.withShippedSchedules(), vn.dieuhanh.platform.EngineClock.INSTANCE)));
        return configuration.buildProcessEngine();
    }

    @AfterAll
    static void closeEngine() {
        engine.close();
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private static final Date DEADLINE_AFTER_TET = Date.from(OffsetDateTime.parse("2026-02-24T23:59:59+07:00").toInstant());

    @Test
    @Deployment(resources = "calendar/dossier-deadline.bpmn")
    void deadlineDrivesTaskDueDateAndTimer() {
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("dossierDeadline",
                Map.of("workingDays", 3, "deadlineFrom", "2026-02-12T10:00:00+07:00"));

        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "deadline")).isEqualTo(DEADLINE_AFTER_TET);
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo("reviewDossier");
        assertThat(task.getDueDate()).isEqualTo(DEADLINE_AFTER_TET);
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(DEADLINE_AFTER_TET);
    }

    @Test
    @Deployment(resources = "calendar/dossier-deadline.bpmn")
    void withoutStartingPointTheEngineClockIsUsed() {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-02-12T10:00:00+07:00").toInstant()));
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("dossierDeadline",
                Map.of("workingDays", 3L));
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "deadline")).isEqualTo(DEADLINE_AFTER_TET);
    }

    @Test
    void inputMappingsNamedVariableAndWorkingHours() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("replyDeadline")
                .camundaHistoryTimeToLive(30)
                .startEvent("requestReceived")
                .serviceTask("computeReplyDeadline").camundaDelegateExpression("${computeDeadline}")
                .camundaInputParameter("workingHours", "PT4H")
                .camundaInputParameter("deadlineVariable", "replyDue")
                .camundaOutputParameter("replyDue", "${replyDue}")
                .userTask("answerRequest").camundaDueDate("${replyDue}")
                .endEvent("requestAnswered")
                .done();
        String deploymentId = engine.getRepositoryService().createDeployment()
                .addModelInstance("reply-deadline.bpmn", model).deploy().getId();
        try {
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("replyDeadline",
                    Map.of("deadlineFrom", Date.from(OffsetDateTime.parse("2026-02-13T15:00:00+07:00").toInstant())));
            Date expected = Date.from(OffsetDateTime.parse("2026-02-23T10:00:00+07:00").toInstant());
            assertThat(engine.getRuntimeService().getVariable(instance.getId(), "replyDue")).isEqualTo(expected);
            assertThat(engine.getRuntimeService().getVariable(instance.getId(), "deadline")).isNull();
            assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
                    .getDueDate()).isEqualTo(expected);
        } finally {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }

    @Test
    @Deployment(resources = "calendar/dossier-deadline.bpmn")
    void badInputFailsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("dossierDeadline",
                Map.of("workingDays", -2)))
                .isInstanceOf(CalendarArgumentException.class)
                .hasMessageContaining("must not be negative");
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("dossierDeadline",
                Map.of("deadlineFrom", "2026-02-12")))
                .isInstanceOf(CalendarArgumentException.class)
                .hasMessageContaining("workingDays");
    }
}
