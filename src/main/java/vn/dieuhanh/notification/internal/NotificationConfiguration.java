package vn.dieuhanh.notification.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Schedules the relay every {@code dieuhanh.notifications.relay-interval} unless {@code relay-enabled=false}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration implements SchedulingConfigurer {

    private final NotificationRelay relay;
    private final NotificationProperties properties;

    NotificationConfiguration(NotificationRelay relay, NotificationProperties properties) {
        this.relay = relay;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (properties.relayEnabled()) {
            registrar.addFixedDelayTask(relay::scheduledRun, properties.relayInterval());
        }
    }
}
