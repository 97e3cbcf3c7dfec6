package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import vn.dieuhanh.calendar.LunarCalendar;
import vn.dieuhanh.calendar.LunarDate;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.platform.EngineClock;

/** The module's Spring beans, without the rest of the application. */
class CalendarWiringTest {

    private final CalendarModuleFixture database = new CalendarModuleFixture();

    @AfterEach
    void closeDatabase() {
        database.close();
    }

    @Test
    void beansAreExposedThroughThePublicInterfaces() {
        new ApplicationContextRunner()
                .withUserConfiguration(CalendarConfiguration.class, CalendarController.class,
                        ComputeDeadlineDelegate.class)
                .withBean(DataSource.class, () -> database.database)
                .withBean(IdentityService.class, () -> mock(IdentityService.class))
                .withBean(Clock.class, () -> EngineClock.INSTANCE)
                .withPropertyValues("dieuhanh.calendar.working-hours=07:30-11:30,13:30-17:30",
                        "dieuhanh.calendar.refresh-interval=5s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).hasSingleBean(WorkingCalendar.class).hasSingleBean(LunarCalendar.class);
                    assertThat(context.getBean("computeDeadline")).isInstanceOf(JavaDelegate.class);
                    assertThat(context.getBean(LunarCalendar.class).toLunar(LocalDate.of(2026, 2, 17)))
                            .isEqualTo(LunarDate.of(2026, 1, 1));
                    assertThat(context.getBean(WorkingCalendar.class).isWorkingDay(LocalDate.of(2026, 2, 20))).isFalse();
                });
    }

    @Test
    void refreshIntervalIsADuration() {
        assertThat(CalendarConfiguration.refreshInterval("30s")).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(CalendarConfiguration.refreshInterval("PT2M")).isEqualTo(java.time.Duration.ofMinutes(2));
        new ApplicationContextRunner()
                .withUserConfiguration(CalendarConfiguration.class)
                .withBean(DataSource.class, () -> database.database)
                .withPropertyValues("dieuhanh.calendar.refresh-interval=soon")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("dieuhanh.calendar.refresh-interval must be a duration such as 30s,"
                                + " got 'soon'"));
        new ApplicationContextRunner()
                .withUserConfiguration(CalendarConfiguration.class)
                .withBean(DataSource.class, () -> database.database)
                .withPropertyValues("dieuhanh.calendar.refresh-interval=-1s")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("must not be negative"));
    }
}
