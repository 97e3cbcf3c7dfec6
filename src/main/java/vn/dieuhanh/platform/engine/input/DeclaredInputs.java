package vn.dieuhanh.platform.engine.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cmd.GetCamundaFormDefinitionCmd;
import org.camunda.bpm.engine.impl.form.CamundaFormRefImpl;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.repository.CamundaFormDefinition;

/**
 * The form a task or a start event declares: the Camunda Form the engine itself would render for it, resolved the
 * engine's way ({@code formRefBinding="latest"} finds the newest deployed version at every command, so a new form
 * version is in force for the next command, on every node).
 *
 * <p>What may be kept is kept, what may change is asked (issue 15: the guard cost 12 statements per step):
 * <ul>
 *   <li>a process definition's form references ({@code camunda:formRef} key, binding, version) per (definition id,
 *       task key): a deployed definition never changes, a new version is a new id;</li>
 *   <li>the parsed fields per Camunda Form <em>definition id</em>: a deployed form never changes either, a new version
 *       is a new id. Which id is in force ("latest") is asked at every command: one indexed statement.</li>
 * </ul>
 * So one task's form costs one command with two statements (the task, the form definition in force) instead of the
 * engine's five (task, execution, process definition, form definition, form resource). A form key given as an
 * expression, an embedded or external form ({@code camunda:formKey}) are resolved the engine's way as before.
 * Callers run these look-ups without the user's authentication.
 */
final class DeclaredInputs {

    /** Kept per definition id; ids are immutable, so only the number of deployed versions bounds them. */
    private static final int MAX_CACHED = 10_000;

    /** What a task or start event refers to. {@code camundaForm} null: no Camunda Form reference of a fixed key. */
    private record FormReference(CamundaFormRef camundaForm, boolean resolvedByEngine, String deploymentId) {

        static final FormReference NONE = new FormReference(null, false, null);
        static final FormReference BY_ENGINE = new FormReference(null, true, null);
    }

    private final Map<String, FormFields> parsedByDefinitionId = new ConcurrentHashMap<>();
    private final Map<String, FormReference> references = new ConcurrentHashMap<>();
    private final FormService formService;
    private final CommandExecutor commands;

    DeclaredInputs(FormService formService, CommandExecutor commands) {
        this.formService = formService;
        this.commands = commands;
    }

    /** The fields of the task's form; empty if there is no such task (the command itself then answers). */
    Optional<FormFields> ofTask(String taskId) {
        Lookup lookup = commands.execute(context -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return null;
            }
            if (task.getProcessDefinitionId() == null || task.getTaskDefinitionKey() == null) {
                return new Lookup(FormReference.BY_ENGINE, null);
            }
            FormReference reference = remember(task.getProcessDefinitionId() + "\n" + task.getTaskDefinitionKey(),
                    key -> {
                        ProcessDefinitionEntity definition = definitionById(context, task.getProcessDefinitionId());
                        TaskDefinition taskDefinition = definition == null ? null
                                : definition.getTaskDefinitions().get(task.getTaskDefinitionKey());
                        return taskDefinition == null ? FormReference.BY_ENGINE
                                : reference(taskDefinition.getFormDefinition(), definition.getDeploymentId());
                    });
            return new Lookup(reference, fieldsInForce(context, reference));
        });
        if (lookup == null) {
            return Optional.empty();
        }
        return Optional.of(lookup.reference().resolvedByEngine() ? ofTaskByEngine(taskId) : lookup.fields());
    }

    /** The fields of the start form of the definition, or of the latest definition of the key. */
    FormFields ofStart(String processDefinitionId, String processDefinitionKey) {
        Lookup lookup = commands.execute(context -> {
            ProcessDefinitionEntity definition;
            String id = processDefinitionId;
            if (id == null) {
                try {
                    definition = context.getProcessEngineConfiguration().getDeploymentCache()
                            .findDeployedLatestProcessDefinitionByKey(processDefinitionKey);
                } catch (ProcessEngineException noSuchProcess) {
                    return new Lookup(FormReference.NONE, FormFields.none());
                }
                id = definition.getId();
            } else {
                definition = null;
            }
            ProcessDefinitionEntity known = definition;
            String definitionId = id;
            FormReference reference = remember(definitionId + "\n", key -> {
                ProcessDefinitionEntity found = known != null ? known : definitionById(context, definitionId);
                return found == null ? FormReference.BY_ENGINE
                        : reference(found.getStartFormDefinition(), found.getDeploymentId());
            });
            return new Lookup(reference, reference.resolvedByEngine() ? null : fieldsInForce(context, reference),
                    definitionId);
        });
        return lookup.reference().resolvedByEngine() ? ofStartByEngine(lookup.definitionId()) : lookup.fields();
    }

    private record Lookup(FormReference reference, FormFields fields, String definitionId) {

        Lookup(FormReference reference, FormFields fields) {
            this(reference, fields, null);
        }
    }

    private FormReference remember(String key, Function<String, FormReference> resolve) {
        FormReference known = references.get(key);
        if (known != null) {
            return known;
        }
        if (references.size() > MAX_CACHED) {
            references.clear();
        }
        FormReference resolved = resolve.apply(key);
        references.putIfAbsent(key, resolved);
        return resolved;
    }

    private static ProcessDefinitionEntity definitionById(CommandContext context, String id) {
        try {
            return context.getProcessEngineConfiguration().getDeploymentCache().findDeployedProcessDefinitionById(id);
        } catch (ProcessEngineException gone) {
            return null;
        }
    }

    /** A fixed Camunda Form reference, or "let the engine resolve it" for anything else that names a form. */
    private static FormReference reference(FormDefinition form, String deploymentId) {
        if (form == null) {
            return FormReference.NONE;
        }
        if (form.getFormKey() != null) {
            return FormReference.BY_ENGINE;
        }
        Expression key = form.getCamundaFormDefinitionKey();
        if (key == null) {
            return FormReference.NONE;
        }
        if (!isFixed(key)) {
            return FormReference.BY_ENGINE;
        }
        CamundaFormRefImpl ref = new CamundaFormRefImpl(key.getExpressionText(), form.getCamundaFormDefinitionBinding());
        Expression version = form.getCamundaFormDefinitionVersion();
        if (version != null) {
            if (!isFixed(version)) {
                return FormReference.BY_ENGINE;
            }
            try {
                ref.setVersion(Integer.valueOf(version.getExpressionText().trim()));
            } catch (NumberFormatException notANumber) {
                return FormReference.BY_ENGINE;
            }
        }
        return new FormReference(ref, false, deploymentId);
    }

    private static boolean isFixed(Expression expression) {
        String text = expression.getExpressionText();
        return text != null && !text.isBlank() && !text.contains("${") && !text.contains("#{");
    }

    /** The fields of the form definition in force now ("latest" asked here); none if no such form is deployed. */
    private FormFields fieldsInForce(CommandContext context, FormReference reference) {
        if (reference.camundaForm() == null) {
            return FormFields.none();
        }
        CamundaFormDefinition definition;
        try {
            definition = new GetCamundaFormDefinitionCmd(reference.camundaForm(), reference.deploymentId())
                    .execute(context);
        } catch (ProcessEngineException noDeployedForm) {
            return FormFields.none();
        }
        if (definition == null) {
            return FormFields.none();
        }
        FormFields known = parsedByDefinitionId.get(definition.getId());
        if (known != null) {
            return known;
        }
        ResourceEntity resource = context.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(definition.getDeploymentId(), definition.getResourceName());
        if (resource == null || resource.getBytes() == null) {
            return FormFields.none();
        }
        FormFields fields = parse(new ByteArrayInputStream(resource.getBytes()));
        if (parsedByDefinitionId.size() > MAX_CACHED) {
            parsedByDefinitionId.clear();
        }
        parsedByDefinitionId.put(definition.getId(), fields);
        return fields;
    }

    private FormFields ofTaskByEngine(String taskId) {
        InputStream form;
        try {
            form = formService.getDeployedTaskForm(taskId);
        } catch (ProcessEngineException noDeployedForm) {
            return FormFields.none();
        }
        return parse(form);
    }

    private FormFields ofStartByEngine(String processDefinitionId) {
        InputStream form;
        try {
            form = formService.getDeployedStartForm(processDefinitionId);
        } catch (ProcessEngineException noDeployedForm) {
            return FormFields.none();
        }
        return parse(form);
    }

    private static FormFields parse(InputStream form) {
        if (form == null) {
            return FormFields.none();
        }
        try (form) {
            return FormFields.parse(form);
        } catch (IOException e) {
            throw new IllegalStateException("A deployed form is not valid JSON", e);
        }
    }
}
