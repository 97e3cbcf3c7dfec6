package vn.dieuhanh.platform.engine.input;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/**
 * The form a task or a start event declares, read from the deployed Camunda Form the engine itself would render
 * (so {@code formRefBinding="latest"} and versions resolve exactly as in Tasklist). Parsed forms are cached by content.
 * Callers run these look-ups without the user's authentication, after checking that the user may see the task.
 */
final class DeclaredInputs {

    private final Map<String, FormFields> parsedByDigest = new ConcurrentHashMap<>();
    private final FormService formService;
    private final RepositoryService repositoryService;

    DeclaredInputs(FormService formService, RepositoryService repositoryService) {
        this.formService = formService;
        this.repositoryService = repositoryService;
    }

    FormFields ofTask(String taskId) {
        InputStream form;
        try {
            form = formService.getDeployedTaskForm(taskId);
        } catch (ProcessEngineException noDeployedForm) {
            return FormFields.none();
        }
        return parse(form);
    }

    FormFields ofStart(String processDefinitionId) {
        InputStream form;
        try {
            form = formService.getDeployedStartForm(processDefinitionId);
        } catch (ProcessEngineException noDeployedForm) {
            return FormFields.none();
        }
        return parse(form);
    }

    /** The definition a start by key would use: the latest version. */
    String latestDefinitionId(String processDefinitionKey) {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(processDefinitionKey).latestVersion().singleResult();
        return definition == null ? null : definition.getId();
    }

    private FormFields parse(InputStream form) {
        if (form == null) {
            return FormFields.none();
        }
        try (form) {
            byte[] bytes = form.readAllBytes();
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            return parsedByDigest.computeIfAbsent(digest, d -> {
                try {
                    return FormFields.parse(new java.io.ByteArrayInputStream(bytes));
                } catch (IOException e) {
                    throw new IllegalStateException("A deployed form is not valid JSON", e);
                }
            });
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot read a deployed form", e);
        }
    }
}
