package vn.dieuhanh.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.indicator.internal.reporting.CampaignJob;
import vn.dieuhanh.indicator.internal.reporting.CampaignScheduler;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository;

/**
 * A campaign firing whose node died while it ran is run again by another node (issue 15, part 4): the job requests
 * recovery, so when Quartz's cluster check-in finds the dead node, it gives the interrupted firing a recovery trigger
 * on a live node. The dead node is simulated on PostgreSQL exactly as a {@code kill -9} leaves it in the shared job
 * store: its scheduler row stops checking in, and its fired-trigger row stays EXECUTING. No sleep: the test waits
 * (Awaitility, ignoring the pool timeouts of a loaded machine) for the run logged by this node.
 */
@PostgresIntegrationTest
class IndicatorCampaignRecoveryTest {

    static final String PERIOD = "2044-11"; // far ahead: its reports' deadlines fire no alert while the suite runs

    final String deadNode = "dead-node-" + UUID.randomUUID();
    final TriggerKey trigger = TriggerKey.triggerKey("recovery-test-" + PERIOD, CampaignJob.GROUP);

    @Autowired
    Scheduler scheduler;
    @Autowired
    ReportingRepository repository;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void cleanUp() throws Exception {
        scheduler.unscheduleJob(trigger);
        jdbc.sql("DELETE FROM qrtz_fired_triggers WHERE instance_name = ?").param(deadNode).update();
        jdbc.sql("DELETE FROM qrtz_scheduler_state WHERE instance_name = ?").param(deadNode).update();
    }

    @Test
    void aFiringInterruptedByANodesDeathIsRunAgainByALiveNode() throws Exception {
        assertThat(scheduler.getJobDetail(CampaignScheduler.JOB).requestsRecovery())
                .as("the campaign job requests recovery").isTrue();
        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();

        // the trigger the dead node fired: stored, not due for years (so only the recovery runs the job)
        Trigger stored = TriggerBuilder.newTrigger().withIdentity(trigger).forJob(CampaignScheduler.JOB)
                .usingJobData(new JobDataMap(Map.of(CampaignJob.DATA_PERIOD, PERIOD)))
                .startAt(Date.from(Instant.now().plus(Duration.ofDays(3650))))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withRepeatCount(0)).build();
        scheduler.scheduleJob(stored);

        // what a node killed while running the job leaves in the shared store: no more check-ins, its firing EXECUTING
        long firedAt = Instant.now().minusSeconds(120).toEpochMilli();
        String schedulerName = scheduler.getSchedulerName();
        jdbc.sql("INSERT INTO qrtz_scheduler_state (sched_name, instance_name, last_checkin_time, checkin_interval)"
                        + " VALUES (?, ?, ?, ?)")
                .params(schedulerName, deadNode, firedAt, 20_000L).update();
        jdbc.sql("""
                        INSERT INTO qrtz_fired_triggers (sched_name, entry_id, trigger_name, trigger_group, instance_name,
                            fired_time, sched_time, priority, state, job_name, job_group, is_nonconcurrent,
                            requests_recovery)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 5, 'EXECUTING', ?, ?, TRUE, TRUE)""")
                .params(schedulerName, deadNode + "-1", trigger.getName(), trigger.getGroup(), deadNode, firedAt,
                        firedAt, CampaignScheduler.JOB.getName(), CampaignScheduler.JOB.getGroup())
                .update();
        assertThat(repository.runs(PERIOD)).isEmpty();
        Instant detectable = Instant.now(); // its last check-in is older than the interval and the 7.5 s grace

        // this node's next check-in (every clusterCheckinInterval, 10 s) finds the dead node and recovers the firing
        await().atMost(Duration.ofSeconds(90)).ignoreExceptions().pollInterval(Duration.ofMillis(500))
                .until(() -> !repository.runs(PERIOD).isEmpty());
        List<ReportingRepository.Run> runs = repository.runs(PERIOD);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).outcome()).isIn("OPENED", "ALREADY_OPEN");
        assertThat(runs.get(0).node()).as("run by a live node")
                .isEqualTo(schedulerName + "/" + scheduler.getSchedulerInstanceId());
        assertThat(runs.get(0).ranAt()).as("run again within 30 s of the death being detectable (next check-in)")
                .isBefore(detectable.plusSeconds(30));
        System.out.println("Campaign firing recovered " + Duration.between(detectable, runs.get(0).ranAt()).toMillis()
                + " ms after the dead node became detectable");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ind_campaign WHERE period = ?").param(PERIOD).query(Long.class)
                .single()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).ignoreExceptions().until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM qrtz_fired_triggers WHERE instance_name = ?").param(deadNode)
                .query(Long.class).single() == 0);
    }
}
