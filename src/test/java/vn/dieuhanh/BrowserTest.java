package vn.dieuhanh;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;

/**
 * A test in a real browser: Debian's headless Chromium driven by its chromedriver against the application on a random
 * port (demo profile). Tagged {@code browser}; reported as skipped, with the reason, where Chromium or chromedriver is
 * missing (evaluated before the application starts); every browser a test opened through {@link Browsers} is closed
 * after it. Give each class its own database with {@code @TestPropertySource(properties =
 * "spring.datasource.url=jdbc:h2:mem:<name>;DB_CLOSE_DELAY=-1")}, so the counts one class checks are its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("browser")
@EnabledIf(value = "vn.dieuhanh.Browsers#installed", disabledReason = "Browser tests skipped: Chromium or chromedriver "
        + "missing (/usr/bin/chromium, /usr/bin/chromedriver; other paths: -Dbrowser.chromium, "
        + "-Dwebdriver.chrome.driver). Install Debian's chromium and chromium-driver; .ci/run does it with apt-get")
@ExtendWith(Browsers.QuitAfterEach.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestExecutionListeners(listeners = EngineRegistration.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
public @interface BrowserTest {
}
