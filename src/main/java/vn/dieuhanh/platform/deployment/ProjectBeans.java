package vn.dieuhanh.platform.deployment;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;

/**
 * The beans a model may name: those the application itself defines (a class under {@code vn.dieuhanh}, or a
 * {@code @Bean} method of one), never the framework's ({@code dataSource}, {@code processEngine}, ...).
 */
final class ProjectBeans {

    static final String PROJECT_PACKAGE = "vn.dieuhanh.";

    private final ConfigurableListableBeanFactory factory;

    ProjectBeans(ConfigurableListableBeanFactory factory) {
        this.factory = factory;
    }

    boolean isProjectBean(String name) {
        return factory.containsBeanDefinition(name) && definedInProject(factory.getBeanDefinition(name), 3);
    }

    Object bean(String name) {
        return factory.getBean(name);
    }

    private boolean definedInProject(BeanDefinition definition, int depth) {
        String factoryBean = definition.getFactoryBeanName();
        if (factoryBean != null) {
            return depth > 0 && factory.containsBeanDefinition(factoryBean)
                    && definedInProject(factory.getBeanDefinition(factoryBean), depth - 1);
        }
        String className = definition.getBeanClassName();
        return className != null && className.startsWith(PROJECT_PACKAGE);
    }
}
