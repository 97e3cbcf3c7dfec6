package vn.dieuhanh.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.List;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.jdbcjobstore.JobStoreSupport;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.indicator.internal.reporting.CampaignJob;
import vn.dieuhanh.indicator.internal.reporting.CampaignScheduler;
import vn.dieuhanh.indicator.internal.reporting.IndicatorReportingProcess;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository;
import vn.dieuhanh.notification.ExtraNode;

/**
 * Two application nodes on one PostgreSQL database share Quartz's clustered JDBC job store: a trigger fires once for
 * the cluster, not once per node, and opening the same period again from the other node creates no second campaign.
 */
@PostgresIntegrationTest
class IndicatorCampaignClusterTest {

    static final String PERIOD = "2032-05";

    @Autowired
    Scheduler scheduler;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    ReportingRepository repository;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theCampaignTriggerFiresOnceAcrossTwoNodes() throws Exception {
        String url = postgres.getJdbcUrl("postgres", "postgres");
        // the second node is configured as production configures every node (same scheduler name, Spring's data
        // source): NodeLocalJobStore keeps the two apart in Quartz's JVM-wide registry
        try (ConfigurableApplicationContext second = ExtraNode.start(url)) {
            Scheduler other = second.getBean(Scheduler.class);
            assertThat(other.getSchedulerName()).as("one cluster").isEqualTo(scheduler.getSchedulerName());
            assertThat(other.getSchedulerInstanceId()).isNotEqualTo(scheduler.getSchedulerInstanceId());
            assertThat(other.getMetaData().isJobStoreClustered()).isTrue();
            assertThat(JobStoreSupport.class).isAssignableFrom(other.getMetaData().getJobStoreClass());
            assertThat(other.getTrigger(CampaignScheduler.triggerKey("MONTHLY")))
                    .as("the second node sees the triggers the first stored").isNotNull();

            // a trigger due in a second, stored once in the shared job store, both schedulers running
            TriggerKey key = TriggerKey.triggerKey("cluster-test-" + PERIOD, CampaignJob.GROUP);
            Trigger soon = TriggerBuilder.newTrigger().withIdentity(key).forJob(CampaignScheduler.JOB)
                    .usingJobData(new JobDataMap(java.util.Map.of(CampaignJob.DATA_PERIOD, PERIOD)))
                    .startAt(Date.from(Instant.now().plusSeconds(1)))
                    .withSchedule(SimpleScheduleBuilder.simpleSchedule().withRepeatCount(0)).build();
            scheduler.scheduleJob(soon);
            await().atMost(Duration.ofSeconds(60)).until(() -> !scheduler.checkExists(key)
                    && repository.runs(PERIOD).size() >= 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM qrtz_fired_triggers WHERE trigger_name = ?").param(key.getName())
                    .query(Long.class).single() == 0);
            List<ReportingRepository.Run> runs = repository.runs(PERIOD);
            assertThat(runs).as("one execution for the cluster").hasSize(1);
            assertThat(runs.get(0).outcome()).isEqualTo("OPENED");

            // the other node fires the job by hand for the same period: it runs, and opens nothing
            other.triggerJob(CampaignScheduler.JOB, new JobDataMap(java.util.Map.of(CampaignJob.DATA_PERIOD, PERIOD)));
            await().atMost(Duration.ofSeconds(60)).until(() -> repository.runs(PERIOD).size() == 2);
            runs = repository.runs(PERIOD);
            assertThat(runs.stream().map(ReportingRepository.Run::fireId).distinct()).hasSize(2);
            assertThat(runs.get(1).outcome()).isEqualTo("ALREADY_OPEN");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM ind_campaign WHERE period = ?").param(PERIOD)
                    .query(Long.class).single()).isEqualTo(1);
            assertThat(runtimeService.createProcessInstanceQuery()
                    .processInstanceBusinessKey(IndicatorReportingProcess.businessKey(PERIOD)).count()).isEqualTo(1);
            // let the campaign's report processes (168 local units + 20 departments) start before this node stops (its job executor shares them)
            await().atMost(Duration.ofSeconds(120)).until(() -> jdbc.sql("SELECT COUNT(*) FROM ind_report"
                    + " WHERE period = ? AND process_instance_id IS NOT NULL").param(PERIOD).query(Long.class)
                    .single() == IndicatorReportingJourneyTest.REPORTING_UNITS);
        }
    }
}
