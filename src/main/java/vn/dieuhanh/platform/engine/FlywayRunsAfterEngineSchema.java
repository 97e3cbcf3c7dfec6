package vn.dieuhanh.platform.engine;

import java.util.Arrays;
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
    static final String PROCESS_ENGINE = "processEngine";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!beanFactory.containsBeanDefinition(FLYWAY_INITIALIZER) || !beanFactory.containsBean(PROCESS_ENGINE)) {
            return;
        }
        BeanDefinition flyway = beanFactory.getBeanDefinition(FLYWAY_INITIALIZER);
        String[] dependsOn = flyway.getDependsOn() == null ? new String[0] : flyway.getDependsOn();
        if (!Arrays.asList(dependsOn).contains(PROCESS_ENGINE)) {
            String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
            extended[dependsOn.length] = PROCESS_ENGINE;
            flyway.setDependsOn(extended);
        }
    }
}
