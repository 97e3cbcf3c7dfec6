package vn.dieuhanh.dossier.internal;

import static vn.dieuhanh.dossier.internal.DossierHandlingProcess.*;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.platform.Conflict;

/**
 * The REST API's way to act on a dossier: it completes the same user tasks officials complete in Tasklist, as the
 * caller (the engine's input guard and the process's recording steps apply), after checking from {@code dos_dossier}
 * that the caller belongs to the competent unit or to the reception point. Each action is one transaction.
 */
@Service
@Transactional
class DossierActions {

    private final DossierService dossiers;
    private final DossierAccess access;
    private final TaskService taskService;

    DossierActions(DossierService dossiers, DossierAccess access, TaskService taskService) {
        this.dossiers = dossiers;
        this.access = access;
        this.taskService = taskService;
    }

    void process(String code, String decision, String note) {
        DossierRecord dossier = dossiers.byCode(code);
        DossierAccess.Caller caller = access.requireHandler(dossier);
        complete(dossier, TASK_PROCESS, caller, vars(VAR_PROCESSING_DECISION, decision, VAR_PROCESSING_NOTE, note));
    }

    void approve(String code, String decision, String note) {
        DossierRecord dossier = dossiers.byCode(code);
        DossierAccess.Caller caller = access.requireHandler(dossier);
        complete(dossier, TASK_APPROVE, caller, vars(VAR_APPROVAL_DECISION, decision, VAR_APPROVAL_NOTE, note));
    }

    void sign(String code) {
        DossierRecord dossier = dossiers.byCode(code);
        DossierAccess.Caller caller = access.requireHandler(dossier);
        complete(dossier, TASK_SIGN, caller, vars(VAR_SIGNATURE_CONFIRMED, true));
    }

    void apologise(String code, String reason, Integer extraWorkingDays) {
        DossierRecord dossier = dossiers.byCode(code);
        DossierAccess.Caller caller = access.requireHandler(dossier);
        complete(dossier, TASK_ISSUE_APOLOGY, caller, vars(VAR_APOLOGY_REASON, reason, VAR_EXTRA_WORKING_DAYS,
                extraWorkingDays == null ? null : extraWorkingDays.longValue()));
    }

    void receiveSupplement(String code, String note) {
        DossierRecord dossier = dossiers.byCode(code);
        DossierAccess.Caller caller = access.requireReceptionOfficial(dossier, dossiers.point(dossier));
        complete(dossier, TASK_RECEIVE_SUPPLEMENT, caller, vars(VAR_SUPPLEMENT_COMPLETE, true,
                VAR_SUPPLEMENT_NOTE, note));
    }

    void returnResult(String code, boolean byPost) {
        DossierRecord dossier = dossiers.byCode(code);
        DossierAccess.Caller caller = access.requireReceptionOfficial(dossier, dossiers.point(dossier));
        complete(dossier, TASK_RETURN_RESULT, caller, vars(VAR_RETURNED_BY_POST, byPost));
    }

    private void complete(DossierRecord dossier, String taskKey, DossierAccess.Caller caller,
                          Map<String, Object> variables) {
        Task task = dossier.processInstanceId() == null ? null : taskService.createTaskQuery()
                .processInstanceId(dossier.processInstanceId()).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new Conflict("Hồ sơ không ở bước này (the dossier is \"" + dossier.status().label() + "\")");
        }
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), caller.userId());
        }
        taskService.complete(task.getId(), variables);
    }

    private static Map<String, Object> vars(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }
}
