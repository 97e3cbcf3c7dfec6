package vn.dieuhanh.platform.engine.input;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractModificationCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractPatchVariablesCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRemoveVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractRestartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetTaskPropertyCmd;
import org.camunda.bpm.engine.impl.cmd.AbstractSetVariableCmd;
import org.camunda.bpm.engine.impl.cmd.AssignTaskCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CreateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DelegateTaskCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.DeleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.cmd.MessageEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceAsyncCmd;
import org.camunda.bpm.engine.impl.cmd.ModifyProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.ResolveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SaveTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SignalCmd;
import org.camunda.bpm.engine.impl.cmd.SignalEventReceivedCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceAtActivitiesCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.variable.value.TypedValue;
import vn.dieuhanh.platform.EngineAsSystem;

/**
 * What a logged-in official may ask the engine for directly (administrators are not held to these rules):
 * <ul>
 *   <li>complete a task or submit its form with only the variables its Camunda Form declares; read-only fields only
 *       unchanged (they are then not written again);</li>
 *   <li>start a process only through its start form, with only the variables that form declares; a process without
 *       a start form is started by the application, never by hand;</li>
 *   <li>claim a task for themselves and give it back; nothing else that changes a task's people or properties
 *       (assign to someone else, delegate, resolve, identity links, owner, due date, name, priority, create, delete),
 *       because those bypass the work's lifecycle, where delegation is recorded and checked;</li>
 *   <li>never write variables of running instances or tasks, modify or restart instances, deliver messages or
 *       signals, or delete historic variables.</li>
 * </ul>
 * Refusals are {@link FormFieldValidationException} (400 through engine REST and Tasklist) for input and
 * {@link AuthorizationException} (403) for actions; both happen before the command runs, so nothing changes.
 */
final class UserCommandRules {

    static final String ADMIN_ONLY = "Chỉ quản trị hệ thống được thực hiện thao tác này trực tiếp trên bộ máy quy trình"
            + " (only administrators may do this directly in the process engine)";
    static final String USE_THE_FORM = "Thao tác này bỏ qua quy trình của nhiệm vụ: hãy dùng biểu mẫu của việc"
            + " (this bypasses the work's lifecycle: use the task's form)";

    private final TaskService taskService;
    private final IdentityService identityService;
    private final DeclaredInputs declared;

    UserCommandRules(TaskService taskService, IdentityService identityService, DeclaredInputs declared) {
        this.taskService = taskService;
        this.identityService = identityService;
        this.declared = declared;
    }

    void check(Command<?> command, Authentication caller) {
        if (command instanceof ResolveTaskCmd) {
            throw new AuthorizationException(USE_THE_FORM);
        } else if (command instanceof CompleteTaskCmd) {
            checkTaskInput(CommandArguments.text(command, "taskId"), CommandArguments.variables(command, "variables"));
        } else if (command instanceof SubmitTaskFormCmd) {
            checkTaskInput(CommandArguments.text(command, "taskId"), CommandArguments.variables(command, "properties"));
        } else if (command instanceof StartProcessInstanceCmd) {
            ProcessInstantiationBuilderImpl start =
                    (ProcessInstantiationBuilderImpl) CommandArguments.read(command, "instantiationBuilder");
            checkStartInput(start.getProcessDefinitionId(), start.getProcessDefinitionKey(), start.getVariables());
        } else if (command instanceof SubmitStartFormCmd) {
            checkStartInput(CommandArguments.text(command, "processDefinitionId"), null,
                    CommandArguments.variables(command, "variables"));
        } else if (command instanceof ClaimTaskCmd) {
            if (!caller.getUserId().equals(CommandArguments.text(command, "userId"))) {
                throw new AuthorizationException("Chỉ được nhận việc cho chính mình (you may claim a task only for "
                        + "yourself)");
            }
        } else if (command instanceof AssignTaskCmd) {
            String assignee = CommandArguments.text(command, "userId");
            if (assignee != null && !assignee.equals(caller.getUserId())) {
                throw new AuthorizationException(USE_THE_FORM);
            }
        } else if (changesTaskOutsideLifecycle(command)) {
            throw new AuthorizationException(USE_THE_FORM);
        } else if (isAdministration(command)) {
            throw new AuthorizationException(ADMIN_ONLY);
        }
    }

    private static boolean changesTaskOutsideLifecycle(Command<?> command) {
        return command instanceof AbstractAddIdentityLinkCmd || command instanceof DeleteIdentityLinkCmd
                || command instanceof AbstractSetTaskPropertyCmd || command instanceof DelegateTaskCmd
                || command instanceof SaveTaskCmd || command instanceof CreateTaskCmd
                || command instanceof DeleteTaskCmd || command instanceof HandleTaskBpmnErrorCmd
                || command instanceof HandleTaskEscalationCmd;
    }

    private static boolean isAdministration(Command<?> command) {
        return command instanceof AbstractSetVariableCmd || command instanceof AbstractPatchVariablesCmd
                || command instanceof AbstractRemoveVariableCmd || command instanceof AbstractModificationCmd
                || command instanceof ModifyProcessInstanceCmd || command instanceof ModifyProcessInstanceAsyncCmd
                || command instanceof StartProcessInstanceAtActivitiesCmd
                || command instanceof AbstractRestartProcessInstanceCmd || command instanceof SignalCmd
                || command instanceof SignalEventReceivedCmd || command instanceof MessageEventReceivedCmd
                || command instanceof AbstractCorrelateMessageCmd
                || command instanceof DeleteHistoricVariableInstanceCmd
                || command instanceof DeleteHistoricVariableInstancesByProcessInstanceIdCmd;
    }

    private void checkTaskInput(String taskId, Map<String, Object> variables) {
        if (variables == null || variables.isEmpty()) {
            return;
        }
        // no such task: the command itself answers (not found)
        Optional<FormFields> declaredFields = EngineAsSystem.call(identityService, () -> declared.ofTask(taskId));
        if (declaredFields.isEmpty()) {
            return;
        }
        FormFields form = declaredFields.get();
        // the read-only fields form-js sends back, compared with their values in one read
        Set<String> readOnlySent = new HashSet<>(variables.keySet());
        readOnlySent.retainAll(form.readOnly());
        Map<String, Object> current = readOnlySent.isEmpty() ? Map.of()
                : EngineAsSystem.call(identityService, () -> taskService.getVariables(taskId, readOnlySent));
        FormFieldValidationException refused = refusal(variables, form, current);
        if (refused != null) {
            // only who may see the task learns why its input is refused; for anyone else the command itself answers
            // (not found / not authorized), nothing told here. Asked only when refusing: the honest path does not pay
            // for the caller's task query (issue 15).
            if (taskService.createTaskQuery().taskId(taskId).singleResult() == null) {
                return;
            }
            throw refused;
        }
        dropUnchanged(variables, echoed(variables, form, current));
    }

    private void checkStartInput(String processDefinitionId, String processDefinitionKey,
                                 Map<String, Object> variables) {
        FormFields form = processDefinitionId == null && processDefinitionKey == null ? FormFields.none()
                : EngineAsSystem.call(identityService, () -> declared.ofStart(processDefinitionId,
                        processDefinitionKey));
        if (form.formId() == null) {
            throw new AuthorizationException("Quy trình này do hệ thống khởi tạo, không khởi tạo trực tiếp được "
                    + "(this process is started by the application, not by hand)");
        }
        refuseUndeclared(variables, form, Map.of());
    }

    private static void refuseUndeclared(Map<String, Object> variables, FormFields form, Map<String, Object> current) {
        if (variables == null || variables.isEmpty()) {
            return;
        }
        FormFieldValidationException refused = refusal(variables, form, current);
        if (refused != null) {
            throw refused;
        }
        dropUnchanged(variables, echoed(variables, form, current));
    }

    /** Why the input is refused (undeclared variables, changed read-only fields), or null if it is not. */
    private static FormFieldValidationException refusal(Map<String, Object> variables, FormFields form,
                                                        Map<String, Object> current) {
        List<String> undeclared = new ArrayList<>();
        List<String> changedReadOnly = new ArrayList<>();
        for (Map.Entry<String, Object> entry : variables.entrySet()) {
            String name = entry.getKey();
            if (form.editable().contains(name)) {
                continue;
            }
            if (form.readOnly().contains(name)) {
                if (!sameText(value(entry.getValue()), current.get(name))) {
                    changedReadOnly.add(name);
                }
            } else {
                undeclared.add(name);
            }
        }
        if (undeclared.isEmpty() && changedReadOnly.isEmpty()) {
            return null;
        }
        StringBuilder message = new StringBuilder();
        if (!undeclared.isEmpty()) {
            message.append("Biểu mẫu không có trường ").append(String.join(", ", undeclared))
                    .append(" (the form does not declare ").append(String.join(", ", undeclared)).append(")");
        }
        if (!changedReadOnly.isEmpty()) {
            message.append(message.isEmpty() ? "" : "; ").append("Không được sửa trường chỉ đọc ")
                    .append(String.join(", ", changedReadOnly)).append(" (read-only fields cannot be changed: ")
                    .append(String.join(", ", changedReadOnly)).append(")");
        }
        // the engine's own exception for refused form input: engine REST and Tasklist answer it with a 400
        return new FormFieldValidationException(undeclared.isEmpty() ? changedReadOnly.get(0) : undeclared.get(0),
                message.toString());
    }

    /** The read-only fields sent back unchanged. */
    private static List<String> echoed(Map<String, Object> variables, FormFields form, Map<String, Object> current) {
        List<String> echoed = new ArrayList<>();
        for (Map.Entry<String, Object> entry : variables.entrySet()) {
            if (!form.editable().contains(entry.getKey()) && form.readOnly().contains(entry.getKey())
                    && sameText(value(entry.getValue()), current.get(entry.getKey()))) {
                echoed.add(entry.getKey());
            }
        }
        return echoed;
    }

    /** Read-only fields come back from form-js unchanged: not writing them again keeps the history exact. */
    private static void dropUnchanged(Map<String, Object> variables, List<String> echoed) {
        try {
            for (Iterator<String> names = variables.keySet().iterator(); names.hasNext(); ) {
                if (echoed.contains(names.next())) {
                    names.remove();
                }
            }
        } catch (UnsupportedOperationException immutable) {
            // writing the same values again changes nothing
        }
    }

    private static Object value(Object submitted) {
        return submitted instanceof TypedValue typed ? typed.getValue() : submitted;
    }

    private static boolean sameText(Object submitted, Object current) {
        return Objects.equals(text(submitted), text(current));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
