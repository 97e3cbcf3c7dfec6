package vn.dieuhanh.indicator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * For a second application node started in the test JVM: gives its Quartz scheduler the name
 * {@code test.quartz.scheduler-name} (the first node's), which makes the two one Quartz cluster. Without the property
 * it changes nothing.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SameQuartzCluster {

    @Bean
    static BeanPostProcessor sameSchedulerName(@Value("${test.quartz.scheduler-name:}") String name) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (!name.isEmpty() && bean instanceof org.springframework.scheduling.quartz.SchedulerFactoryBean f) {
                    f.setSchedulerName(name);
                }
                return bean;
            }
        };
    }
}
