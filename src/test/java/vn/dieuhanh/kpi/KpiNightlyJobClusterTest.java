package vn.dieuhanh.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.JobListener;
import org.quartz.Scheduler;
import org.quartz.TriggerBuilder;
import org.quartz.impl.matchers.KeyMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.kpi.internal.KpiNightlyJob;
import vn.dieuhanh.notification.ExtraNode;

/**
 * Two application nodes on one PostgreSQL database form one Quartz cluster: every firing of the nightly KPI job runs
 * on exactly one of them.
 */
@PostgresIntegrationTest
class KpiNightlyJobClusterTest {

    static final int FIRINGS = 6;

    @Autowired
    Scheduler scheduler;
    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    JdbcClient jdbc;

    @Test
    void eachFiringOfTheNightlyJobRunsOnExactlyOneOfTwoNodes() throws Exception {
        JobKey job = JobKey.jobKey(KpiNightlyJob.JOB_NAME, "kpi");
        try (ConfigurableApplicationContext second = ExtraNode.start(postgres.getJdbcUrl("postgres", "postgres"))) {
            Scheduler other = second.getBean(Scheduler.class);
            assertThat(other.getSchedulerName()).isEqualTo(scheduler.getSchedulerName());
            assertThat(other.getSchedulerInstanceId()).isNotEqualTo(scheduler.getSchedulerInstanceId());
            // both nodes checked in to the same cluster
            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                    "SELECT COUNT(*) FROM qrtz_scheduler_state WHERE sched_name = ?")
                    .param(scheduler.getSchedulerName()).query(Long.class).single() >= 2);

            List<String> executions = Collections.synchronizedList(new ArrayList<>());
            for (Scheduler node : List.of(scheduler, other)) {
                node.getListenerManager().addJobListener(new Recorder(node.getSchedulerInstanceId(), executions),
                        KeyMatcher.keyEquals(job));
            }
            try {
                for (int i = 0; i < FIRINGS; i++) {
                    // one-shot triggers due now, scheduled from either node: whichever acquires it runs it
                    (i % 2 == 0 ? scheduler : other).scheduleJob(TriggerBuilder.newTrigger()
                            .withIdentity("cluster-test-" + i, "kpi-test").forJob(job).startNow().build());
                }
                await().atMost(Duration.ofSeconds(60)).until(() -> executions.size() >= FIRINGS
                        && pendingFirings(scheduler.getSchedulerName()) == 0);
                // no trigger is left that could fire again, and nothing is running: the count is final
                assertThat(executions).hasSize(FIRINGS);
                assertThat(executions.stream().map(e -> e.split(" ")[1]).distinct()).hasSize(FIRINGS);
            } finally {
                for (Scheduler node : List.of(scheduler, other)) {
                    node.getListenerManager().removeJobListener(Recorder.NAME);
                }
            }
        }
    }

    private long pendingFirings(String schedulerName) {
        return jdbc.sql("SELECT COUNT(*) FROM qrtz_triggers WHERE sched_name = ? AND trigger_group = 'kpi-test'")
                .param(schedulerName).query(Long.class).single()
                + jdbc.sql("SELECT COUNT(*) FROM qrtz_fired_triggers WHERE sched_name = ?")
                .param(schedulerName).query(Long.class).single();
    }

    /** Records "<node> <fire instance>" for every execution of the job on one node. */
    private record Recorder(String node, List<String> executions) implements JobListener {
        static final String NAME = "kpi-cluster-test-recorder";

        @Override
        public String getName() {
            return NAME;
        }

        @Override
        public void jobToBeExecuted(JobExecutionContext context) {
        }

        @Override
        public void jobExecutionVetoed(JobExecutionContext context) {
        }

        @Override
        public void jobWasExecuted(JobExecutionContext context, JobExecutionException error) {
            executions.add(node + " " + context.getFireInstanceId());
        }
    }
}
