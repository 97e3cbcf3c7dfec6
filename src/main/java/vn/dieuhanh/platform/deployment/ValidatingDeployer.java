package vn.dieuhanh.platform.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;

/**
 * Runs before the engine's own deployers, inside the deploying command's transaction: a refused deployment throws a
 * {@link ParseException} (REST: 400 with the problems under {@code details}) and nothing of it is stored. Only new
 * deployments are checked; a deployment the engine reloads from the database into its cache was checked when it was
 * made (and the restricted expression manager still applies when it runs).
 */
final class ValidatingDeployer implements Deployer {

    private final ModelValidator validator;

    ValidatingDeployer(ModelValidator validator) {
        this.validator = validator;
    }

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        Map<String, List<ModelProblem>> refused = new LinkedHashMap<>();
        for (ResourceEntity resource : deployment.getResources().values()) {
            List<ModelProblem> problems = validator.check(resource.getName(), resource.getBytes());
            if (!problems.isEmpty()) {
                refused.put(resource.getName(), problems);
            }
        }
        if (refused.isEmpty()) {
            return;
        }
        String message = "Triển khai bị từ chối (deployment refused): " + refused.entrySet().stream()
                .map(entry -> entry.getKey() + ": " + entry.getValue().stream().map(ModelProblem::getMessage)
                        .collect(Collectors.joining("; ")))
                .collect(Collectors.joining(" | "));
        Map.Entry<String, List<ModelProblem>> first = refused.entrySet().iterator().next();
        List<Problem> errors = new ArrayList<>(first.getValue());
        throw new ParseException(message, first.getKey(), errors, List.of());
    }
}
