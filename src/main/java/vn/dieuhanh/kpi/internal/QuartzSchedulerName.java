package vn.dieuhanh.kpi.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.stereotype.Component;

/**
 * Every node of a cluster runs the scheduler under the same name (the {@code SCHED_NAME} of the QRTZ_ tables, which
 * is what makes them one cluster). Quartz keeps data sources in a JVM-wide registry keyed by that name, so a second
 * application context in the same JVM (only tests do that) would take over the first one's data source and leave it a
 * closed pool when it stops: a name already in use in this JVM gets a suffix instead.
 */
@Component
class QuartzSchedulerName implements SchedulerFactoryBeanCustomizer, DisposableBean {

    private static final Set<String> IN_USE = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger NEXT = new AtomicInteger(2);

    private final String configured;
    private volatile String taken;

    QuartzSchedulerName(@Value("${spring.quartz.properties.org.quartz.scheduler.instanceName:dieuhanh}")
                        String configured) {
        this.configured = configured;
    }

    @Override
    public void customize(SchedulerFactoryBean factory) {
        String name = configured;
        while (!IN_USE.add(name)) {
            name = configured + "-" + NEXT.getAndIncrement();
        }
        taken = name;
        factory.setSchedulerName(name);
    }

    @Override
    public void destroy() {
        if (taken != null) {
            IN_USE.remove(taken);
        }
    }
}
