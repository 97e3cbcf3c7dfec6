package vn.dieuhanh.kpi.internal;

import java.time.LocalDate;
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
 * Recomputes the KPI rankings of the current month, quarter and year every night. The job store is Quartz's JDBC
 * store, clustered ({@code spring.quartz.*} in application.yaml), so with several nodes exactly one runs each firing.
 */
@DisallowConcurrentExecution
public class KpiNightlyJob extends QuartzJobBean {

    public static final String JOB_NAME = "kpi-nightly-recomputation";
    private static final Logger LOG = LoggerFactory.getLogger(KpiNightlyJob.class);

    @Autowired
    private KpiSnapshots snapshots;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        LocalDate yesterday = LocalDate.now(KpiLedger.ZONE).minusDays(1);
        int stored = snapshots.recomputeFor(yesterday);
        LOG.info("KPI rankings recomputed for the periods of {}: {} scores", yesterday, stored);
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
