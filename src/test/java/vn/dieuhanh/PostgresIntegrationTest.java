package vn.dieuhanh;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/**
 * The production profile ({@code postgres}) on a real PostgreSQL server (embedded binaries), with the web server on a
 * random port and the job executor on, e-mail going to a GreenMail server ({@link TestMailServer}). Every class with
 * this annotation shares one application context.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"dieuhanh.admin.password=" + PostgresIntegrationTest.ADMIN_PASSWORD, "logging.structured.format.console=",
                // notifications: relay often, retry soon, give up after 3 attempts, so tests wait seconds
                "dieuhanh.notifications.relay-interval=200ms", "dieuhanh.notifications.backoff-base=200ms",
                "dieuhanh.notifications.max-attempts=3"})
// spring.mail.* point at the JVM's GreenMail server (TestMailServer), on a free port chosen at run time
@ContextConfiguration(initializers = TestMailServer.Initializer.class)
@ActiveProfiles("postgres")
@Import({EmbeddedPostgresConfiguration.class, NotificationTestBeans.class, IndicatorTestCatalogue.class})
@AutoConfigureObservability
@TestExecutionListeners(listeners = EngineRegistration.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface PostgresIntegrationTest {

    /** Satisfies Camunda's password policy, which is on outside the demo profile. */
    String ADMIN_PASSWORD = "Quan-Tri-2026!";
}
