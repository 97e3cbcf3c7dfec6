package vn.dieuhanh.kpi.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.quartz.QuartzJobBean;

/**
 * Every night: closes the last ended month ({@link KpiPeriodClose}) and recomputes the KPI rankings of the month,
 * quarter and year of the previous day. The job store is Quartz's JDBC
 * store, clustered ({@code spring.quartz.*} in application.yaml), so with several nodes exactly one runs each firing.
 */
@DisallowConcurrentExecution
public class KpiNightlyJob extends QuartzJobBean {

    public static final String JOB_NAME = "kpi-nightly-recomputation";
    private static final Logger LOG = LoggerFactory.getLogger(KpiNightlyJob.class);

    @Autowired
    private KpiSnapshots snapshots;
    @Autowired
    private KpiPeriodClose periodClose;
    @Autowired
    private Clock clock;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        LocalDate yesterday = LocalDate.now(clock.withZone(KpiLedger.ZONE)).minusDays(1);
        // the last ended month is closed every night: the rows are keyed, so only the first run after the month's
        // end writes them, and a night missed during downtime is made up by the next one
        YearMonth lastEnded = YearMonth.from(yesterday.plusDays(1)).minusMonths(1);
        int overdue = periodClose.closeMonth(lastEnded);
        int stored = snapshots.recomputeFor(yesterday);
        LOG.info("KPI month {} closed ({} items still overdue newly recorded); rankings recomputed for the periods "
                + "of {}: {} scores", lastEnded, overdue, yesterday, stored);
    }

    @Configuration
    static class Schedule {

        @Bean
        JobDetail kpiNightlyJobDetail() {
            return JobBuilder.newJob(KpiNightlyJob.class).withIdentity(JOB_NAME, "kpi")
                    .withDescription("Tính lại điểm, xếp hạng KPI hằng đêm").storeDurably().build();
        }

        @Bean
        Trigger kpiNightlyTrigger(JobDetail kpiNightlyJobDetail,
                                  @Value("${dieuhanh.kpi.nightly-cron:0 30 1 * * ?}") String cron) {
            return TriggerBuilder.newTrigger().forJob(kpiNightlyJobDetail).withIdentity(JOB_NAME, "kpi")
                    .withSchedule(CronScheduleBuilder.cronSchedule(cron)
                            .inTimeZone(TimeZone.getTimeZone(KpiLedger.ZONE))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
        }
    }
}
