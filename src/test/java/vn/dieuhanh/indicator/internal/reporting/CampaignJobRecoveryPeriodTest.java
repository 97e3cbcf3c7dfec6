package vn.dieuhanh.indicator.internal.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import vn.dieuhanh.indicator.Frequency;
import vn.dieuhanh.indicator.ReportingPeriod;

/**
 * A recovered firing (its node died while it ran) opens the period of the interrupted firing, not of the moment the
 * recovery runs: Quartz gives the recovery trigger the original firing's due time in its data.
 */
class CampaignJobRecoveryPeriodTest {

    static final Date FIRST_OF_APRIL = Date.from(OffsetDateTime.parse("2027-04-01T00:00:00+07:00").toInstant());
    static final Date THIRD_OF_MAY = Date.from(OffsetDateTime.parse("2027-05-03T09:00:00+07:00").toInstant());

    @Test
    void aRecoveredFiringOpensThePeriodOfTheInterruptedFiring() {
        JobExecutionContext recovering = mock(JobExecutionContext.class);
        when(recovering.isRecovering()).thenReturn(true);
        when(recovering.getScheduledFireTime()).thenReturn(THIRD_OF_MAY); // the recovery trigger's own time
        when(recovering.getMergedJobDataMap()).thenReturn(new JobDataMap(Map.of(
                CampaignJob.DATA_FREQUENCY, "MONTHLY",
                Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS,
                String.valueOf(FIRST_OF_APRIL.getTime()))));
        assertThat(CampaignJob.justEnded(Frequency.MONTHLY, recovering)).isEqualTo(ReportingPeriod.parse("2027-03"));
    }

    @Test
    void anOrdinaryFiringOpensThePeriodBeforeItsDueTime() {
        JobExecutionContext firing = mock(JobExecutionContext.class);
        when(firing.isRecovering()).thenReturn(false);
        when(firing.getScheduledFireTime()).thenReturn(FIRST_OF_APRIL);
        assertThat(CampaignJob.justEnded(Frequency.MONTHLY, firing)).isEqualTo(ReportingPeriod.parse("2027-03"));
    }
}
