package vn.dieuhanh.dossier.internal;

import static vn.dieuhanh.dossier.internal.DossierHandlingProcess.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dieuhanh.platform.TaskTexts;

/**
 * The steps of {@code dossier-handling}, by bean name. Thin: each reads the dossier from {@code dos_dossier} by process
 * instance (never from variables), calls {@link DossierService} and writes the variables the model and forms use.
 */
@Configuration(proxyBeanMethods = false)
class DossierDelegates {

    @Bean
    JavaDelegate transferDossier(DossierService dossiers) {
        return execution -> apply(execution, dossiers.transfer(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId()));
    }

    @Bean
    TaskListener nameDossierTask(DossierService dossiers) {
        return task -> {
            DossierRecord dossier = dossiers.ofProcess(task.getProcessInstanceId());
            String verb = switch (task.getTaskDefinitionKey()) {
                case TASK_APPROVE -> "Phê duyệt kết quả hồ sơ";
                case TASK_SIGN -> "Ký kết quả hồ sơ";
                case TASK_ISSUE_APOLOGY -> "Xin lỗi và hẹn lại hồ sơ";
                case TASK_RECEIVE_SUPPLEMENT -> "Tiếp nhận bổ sung hồ sơ";
                case TASK_RETURN_RESULT -> "Trả kết quả hồ sơ";
                default -> "Xử lý hồ sơ";
            };
            task.setName(TaskTexts.name(verb, dossiers.procedure(dossier).name(), dossier.code()));
            task.setDescription(TaskTexts.description("Mã hồ sơ", dossier.code(),
                    "Đơn vị giải quyết", dossiers.unitName(dossier.unitCode()),
                    "Nơi tiếp nhận", dossiers.point(dossier).name(),
                    "Hẹn trả", DossierService.text(dossier.appointmentAt())));
            task.setVariableLocal(VAR_PROCESSING_PROPOSAL, dossiers.proposalText(dossier));
            task.setVariableLocal(VAR_APPOINTMENT_TEXT, DossierService.text(dossier.appointmentAt()));
        };
    }

    @Bean
    TaskListener rememberDossierActor() {
        return task -> task.getExecution().setVariable(VAR_LAST_ACTOR, actor(task));
    }

    @Bean
    JavaDelegate recordDossierProcessing(DossierService dossiers) {
        return execution -> execution.setVariable(VAR_OUTCOME, dossiers.recordProcessing(dossier(dossiers, execution),
                execution.getVariable(VAR_PROCESSING_DECISION), (String) execution.getVariable(VAR_PROCESSING_NOTE),
                lastActor(execution)));
    }

    @Bean
    JavaDelegate recordDossierApproval(DossierService dossiers) {
        return execution -> execution.setVariable(VAR_APPROVED, dossiers.recordApproval(dossier(dossiers, execution),
                execution.getVariable(VAR_APPROVAL_DECISION), (String) execution.getVariable(VAR_APPROVAL_NOTE),
                lastActor(execution)));
    }

    @Bean
    JavaDelegate recordDossierSignature(DossierService dossiers) {
        return execution -> dossiers.recordSignature(dossier(dossiers, execution),
                execution.getVariable(VAR_SIGNATURE_CONFIRMED), lastActor(execution));
    }

    @Bean
    JavaDelegate pauseDossierClock(DossierService dossiers) {
        return execution -> execution.setVariable(VAR_SUPPLEMENT_REQUEST,
                dossiers.pause(dossier(dossiers, execution)));
    }

    @Bean
    JavaDelegate resumeDossierClock(DossierService dossiers) {
        return execution -> apply(execution, dossiers.resume(dossier(dossiers, execution),
                execution.getVariable(VAR_SUPPLEMENT_COMPLETE), (String) execution.getVariable(VAR_SUPPLEMENT_NOTE),
                lastActor(execution)));
    }

    @Bean
    JavaDelegate sendDossierResult(DossierService dossiers) {
        return execution -> dossiers.sendResult(dossier(dossiers, execution));
    }

    @Bean
    JavaDelegate recordDossierReturn(DossierService dossiers) {
        return execution -> dossiers.recordReturn(dossier(dossiers, execution),
                execution.getVariable(VAR_RETURNED_BY_POST), lastActor(execution));
    }

    @Bean
    JavaDelegate warnDossierDueSoon(DossierService dossiers) {
        return execution -> dossiers.warnDueSoon(dossier(dossiers, execution));
    }

    @Bean
    JavaDelegate recordDossierApology(DossierService dossiers) {
        return execution -> {
            Instant appointment = dossiers.apologise(dossier(dossiers, execution),
                    (String) execution.getVariable(VAR_APOLOGY_REASON), execution.getVariable(VAR_EXTRA_WORKING_DAYS),
                    lastActor(execution));
            execution.setVariable(VAR_APPOINTMENT_AT, Date.from(appointment));
        };
    }

    @Bean
    JavaDelegate escalateLateDossier(DossierService dossiers) {
        return execution -> dossiers.escalateLate(dossier(dossiers, execution));
    }

    @Bean
    JavaDelegate recordLateDossier(DossierService dossiers, Clock clock) {
        return execution -> dossiers.late(dossier(dossiers, execution), clock.instant());
    }

    private static void apply(DelegateExecution execution, DossierService.HandlingPlan plan) {
        execution.setVariable(VAR_UNIT_CODE, plan.unitCode());
        execution.setVariable(VAR_RECEPTION_GROUP, plan.receptionGroup());
        execution.setVariable(VAR_APPROVER, plan.approver());
        execution.setVariable(VAR_SIGNER, plan.signer());
        execution.setVariable(VAR_APPOINTMENT_AT, Date.from(plan.appointmentAt()));
        execution.setVariable(VAR_APOLOGY_DUE_AT, Date.from(plan.apologyDueAt()));
        execution.setVariable(VAR_LATE_ESCALATION_AT, Date.from(plan.lateEscalationAt()));
        execution.setVariable(VAR_DOSSIER_TITLE, plan.title());
        execution.setVariable(VAR_DOSSIER_SUMMARY, plan.summary());
    }

    private static DossierRecord dossier(DossierService dossiers, DelegateExecution execution) {
        return dossiers.ofProcess(execution.getProcessInstanceId());
    }

    private static String lastActor(VariableScope scope) {
        Object actor = scope.getVariable(VAR_LAST_ACTOR);
        return actor instanceof String s && !s.isBlank() ? s : "system";
    }

    /** Who completes the task: the authenticated user (Tasklist, REST), else its assignee. */
    static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : "system";
    }
}
