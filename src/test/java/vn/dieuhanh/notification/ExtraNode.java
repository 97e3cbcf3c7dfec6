package vn.dieuhanh.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dieuhanh.DieuHanhApplication;
import vn.dieuhanh.NotificationTestBeans;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.TestMailServer;

/**
 * Another node of the application (engine, job executor, notification relay) on a PostgreSQL database of the test's
 * embedded server, e-mailing to the test's GreenMail server. Close it in the test that starts it; it runs without the
 * webapps, whose JVM-wide state belongs to the shared test context.
 */
public final class ExtraNode {

    private ExtraNode() {
    }

    public static ConfigurableApplicationContext start(String jdbcUrl, String... extraArguments) {
        return start(List.of(), jdbcUrl, extraArguments);
    }

    /** A node with further configuration classes (e.g. test beans of another capability). */
    public static ConfigurableApplicationContext start(List<Class<?>> extraSources, String jdbcUrl,
                                                       String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--server.port=0",
                "--camunda.bpm.webapp.enabled=false",
                "--dieuhanh.admin.password=" + PostgresIntegrationTest.ADMIN_PASSWORD,
                "--logging.structured.format.console=",
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--spring.datasource.hikari.maximum-pool-size=20", // as production: one per job thread, relay, Quartz, requests
                "--spring.datasource.hikari.connection-timeout=30000",
                "--spring.mail.host=" + TestMailServer.host(),
                "--spring.mail.port=" + TestMailServer.port(),
                "--dieuhanh.notifications.relay-interval=200ms",
                "--dieuhanh.notifications.backoff-base=200ms"));
        arguments.addAll(List.of(extraArguments));
        List<Class<?>> sources = new ArrayList<>(List.of(DieuHanhApplication.class, NotificationTestBeans.class));
        sources.addAll(extraSources);
        ConfigurableApplicationContext node = new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
                .run(arguments.toArray(String[]::new));
        // really another node on the given database, not a server of its own
        assertThat(node.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
        return node;
    }
}
