package vn.dieuhanh.platform.engine;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.stereotype.Component;

/**
 * The application's migrations add indexes to Camunda's tables, so Flyway must run after the engine has created or
 * updated its schema: make Boot's Flyway initializer depend on the process engine.
 */
@Component
class FlywayRunsAfterEngineSchema implements BeanFactoryPostProcessor {

    static final String FLYWAY_INITIALIZER = "flywayInitializer";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(FLYWAY_INITIALIZER)) {
            return;
        }
        // the starter's engine bean is a factory bean ("processEngineFactoryBean"): find it by the type it makes,
        // without creating anything yet
        String[] engines = beanFactory.getBeanNamesForType(ProcessEngine.class, true, false);
        if (engines.length == 0) {
            throw new IllegalStateException("No process engine bean: Flyway's migrations need the engine's schema");
        }
        BeanDefinition flyway = beanFactory.getBeanDefinition(FLYWAY_INITIALIZER);
        Set<String> dependsOn = new LinkedHashSet<>(flyway.getDependsOn() == null ? List.of()
                : Arrays.asList(flyway.getDependsOn()));
        dependsOn.addAll(Arrays.asList(engines));
        flyway.setDependsOn(dependsOn.toArray(String[]::new));
    }
}
