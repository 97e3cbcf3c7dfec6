package vn.dieuhanh.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The project's own models are inside the rules, and the rules are wired into the engine. Same
 * {@code @SpringBootTest} as {@code DemoProfileOnH2Test} (demo profile, H2), so the application context is shared.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:demo-profile-test;DB_CLOSE_DELAY=-1")
class ProjectModelsAcceptedTest {

    static final Path PROCESSES = Path.of("processes");

    @Autowired
    ConfigurableListableBeanFactory beanFactory;
    @Autowired
    ProcessEngine engine;
    @Autowired
    AuthorizationService authorizationService;

    @Test
    void everyModelInProcessesIsAccepted() throws IOException {
        ModelValidator validator = new ModelValidator(new ProjectBeans(beanFactory)::isProjectBean, java.util.Set.of());
        List<Path> models;
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            models = files.filter(file -> file.toString().endsWith(".bpmn") || file.toString().endsWith(".dmn"))
                    .sorted().toList();
        }
        assertThat(models).hasSizeGreaterThanOrEqualTo(13);
        for (Path model : models) {
            assertThat(validator.check(model.toString(), Files.readAllBytes(model))).as(model.toString()).isEmpty();
        }
    }

    @Test
    void theEngineChecksDeploymentsAndRestrictsExpressions() {
        ProcessEngineConfigurationImpl config = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.getCustomPreDeployers()).first().isInstanceOf(ValidatingDeployer.class);
        assertThat(config.getDeployers()).first().isInstanceOf(ValidatingDeployer.class);
        assertThat(config.getExpressionManager()).isInstanceOf(RestrictedExpressionManager.class);
    }

    @Test
    void theApplicationsBeansAreTheOnlyBeansModelsMayName() {
        ProjectBeans beans = new ProjectBeans(beanFactory);
        assertThat(beans.isProjectBean("computeDeadline")).isTrue();   // @Component
        assertThat(beans.isProjectBean("openAssignment")).isTrue();    // @Bean method of a project configuration
        assertThat(beans.isProjectBean("dataSource")).isFalse();
        assertThat(beans.isProjectBean("processEngine")).isFalse();
        assertThat(beans.isProjectBean("identityService")).isFalse();
    }

    @Test
    void inTheDemoAnalystsMayDeploy() {
        assertThat(authorizationService.isUserAuthorized("analyst", List.of("role-analyst"), Permissions.CREATE,
                Resources.DEPLOYMENT)).isTrue();
    }
}
