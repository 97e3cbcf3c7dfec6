package vn.dieuhanh.platform.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * Puts the deployment check in front of the engine's deployers (every door: the starter's auto-deployment of
 * {@code processes/}, {@code /engine-rest/deployment/create}, Cockpit, the Java API) and the restricted expression
 * manager in place of the starter's. See docs/security-deployments.md.
 */
@Component
class DeploymentGuardPlugin extends AbstractProcessEnginePlugin {

    private final ProjectBeans beans;
    private final Set<String> externalTaskTopics;

    DeploymentGuardPlugin(ConfigurableListableBeanFactory beanFactory,
                          @Value("${dieuhanh.security.external-task-topics:}") List<String> externalTaskTopics) {
        this.beans = new ProjectBeans(beanFactory);
        this.externalTaskTopics = externalTaskTopics.stream().map(String::trim).filter(topic -> !topic.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> preDeployers = configuration.getCustomPreDeployers() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreDeployers());
        preDeployers.add(0, new ValidatingDeployer(new ModelValidator(beans::isProjectBean, externalTaskTopics)));
        configuration.setCustomPreDeployers(preDeployers);
        configuration.setExpressionManager(new RestrictedExpressionManager(beans));
    }
}
