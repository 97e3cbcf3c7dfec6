package vn.dieuhanh;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.Notifications;

/**
 * Test-only beans of the shared test context (and of extra contexts tests start). {@code flakyNotifier} is what the
 * reminder timers' service task will do: enqueue a notification in the engine's transaction. With {@code failFirst}
 * it then fails, once per key in the whole JVM (across application contexts), after the outbox write, so the job
 * executor retries it.
 */
@TestConfiguration(proxyBeanMethods = false)
public class NotificationTestBeans {

    /** Executions of the delegate per key, failed ones included. */
    public static final Map<String, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();
    /** The application contexts (nodes) whose job executor ran the delegate, by identity. */
    public static final Set<Integer> NODES = ConcurrentHashMap.newKeySet();
    private static final Set<String> FAILED_ONCE = ConcurrentHashMap.newKeySet();

    @Bean
    JavaDelegate flakyNotifier(Notifications notifications, ApplicationContext node) {
        return execution -> {
            NODES.add(System.identityHashCode(node));
            String key = (String) execution.getVariable("key");
            String recipient = (String) execution.getVariable("recipient");
            EXECUTIONS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            notifications.enqueue(new Notification(key, NotificationKind.REMINDER, null, List.of(recipient),
                    "reminder", Map.of("title", "Báo cáo tình hình " + key,
                    "deadline", java.time.OffsetDateTime.parse("2026-03-09T23:59:59+07:00"))));
            if (Boolean.TRUE.equals(execution.getVariable("failFirst")) && FAILED_ONCE.add(key)) {
                throw new IllegalStateException("Simulated failure after the outbox write for " + key);
            }
        };
    }
}
