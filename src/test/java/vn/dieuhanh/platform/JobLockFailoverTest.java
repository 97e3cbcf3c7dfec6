package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.impl.jobexecutor.AcquiredJobs;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.notification.ExtraNode;

/**
 * Failover of the job executor between two nodes on one database (issue 15): node A acquires jobs, as its
 * acquisition thread does (Camunda's own {@link AcquireJobsCmd}: A's lock owner, A's configured lock time), and dies
 * without executing or unlocking them, as with {@code kill -9}. Node B (this test's context), job executor on, must
 * run them once A's locks expire: within 30 s of A's death. With Camunda's default lock time (5 minutes) they would
 * wait 5 minutes. Nothing here sleeps; the wait is Awaitility polling the history.
 */
@PostgresIntegrationTest
class JobLockFailoverTest {

    static final String PROCESS = "job-lock-failover-test";
    static final int JOBS = 5;

    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;

    @Test
    void jobsLockedByADeadNodeRunOnTheOtherNodeWithin30Seconds() {
        ProcessEngineConfigurationImpl configB = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JobExecutor executorB = configB.getJobExecutor();
        assertThat(executorB.getLockTimeInMillis()).as("lock time configured (application.yaml)").isEqualTo(20_000);
        assertThat(executorB.isActive()).isTrue();

        String url = postgres.getJdbcUrl("postgres", "postgres");
        ConfigurableApplicationContext nodeA = ExtraNode.start(url);
        boolean aClosed = false;
        Instant killedAt = null;
        List<String> instances = new ArrayList<>();
        try {
            ProcessEngineConfigurationImpl configA = (ProcessEngineConfigurationImpl) nodeA.getBean(
                    ProcessEngine.class).getProcessEngineConfiguration();
            JobExecutor executorA = configA.getJobExecutor();
            assertThat(executorA.getLockOwner()).isNotEqualTo(executorB.getLockOwner());
            assertThat(executorA.getLockTimeInMillis()).isEqualTo(20_000);

            // neither node's acquisition thread runs while the jobs are created, so A is the one that locks them
            executorA.shutdown();
            executorB.shutdown();
            try {
                repositoryService.createDeployment().name(PROCESS).enableDuplicateFiltering(true)
                        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                                .camundaHistoryTimeToLive(1).startEvent().camundaAsyncBefore().endEvent().done())
                        .deploy();
                IntStream.range(0, JOBS).forEach(i -> instances.add(
                        runtimeService.startProcessInstanceByKey(PROCESS, "failover-" + i).getId()));

                // A acquires (locks) them exactly as its acquisition thread would, then is killed: it never executes
                // them and never unlocks them (no orderly shutdown of a job in flight)
                AcquiredJobs acquired = configA.getCommandExecutorTxRequired()
                        .execute(new AcquireJobsCmd(executorA, 50));
                killedAt = Instant.now();
                assertThat(acquired.size()).as("A acquired the jobs").isGreaterThanOrEqualTo(JOBS);
                nodeA.close();
                aClosed = true;
            } finally {
                executorB.start();
            }

            List<Job> locked = jobs(instances);
            assertThat(locked).hasSize(JOBS);
            Instant lockExpiry = Instant.now();
            for (Job job : locked) {
                JobEntity entity = (JobEntity) job;
                assertThat(entity.getLockOwner()).as("locked by the dead node").isEqualTo(executorA.getLockOwner());
                assertThat(entity.getLockExpirationTime()).isAfter(Date.from(killedAt));
                Instant expiry = entity.getLockExpirationTime().toInstant();
                assertThat(Duration.between(killedAt, expiry)).isLessThanOrEqualTo(Duration.ofSeconds(20));
                lockExpiry = expiry.isAfter(lockExpiry) ? expiry : lockExpiry;
            }

            // B runs them: within 30 s of A's death, and not before A's lock expired (B respected the locks)
            // (the polling's limit is generous: A's orderly context close, which a kill -9 would not have, ran in
            // between; the assertion on the history's end times below measures from A's death)
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                    .until(() -> historyService.createHistoricProcessInstanceQuery()
                            .processInstanceIds(new HashSet<>(instances)).finished().count() == JOBS);
            assertThat(jobs(instances)).isEmpty();
            List<Instant> ends = historyService.createHistoricProcessInstanceQuery()
                    .processInstanceIds(new HashSet<>(instances)).list().stream()
                    .map(h -> h.getEndTime().toInstant()).sorted().toList();
            Instant earliestEnd = ends.get(0);
            Instant latestEnd = ends.get(ends.size() - 1);
            assertThat(earliestEnd).as("not run before the dead node's lock expired")
                    .isAfterOrEqualTo(lockExpiry.minusMillis(1_000));
            System.out.printf("failover: A acquired %d jobs and died; lock expiry +%d ms; B ran them at +%d..+%d ms%n",
                    locked.size(), Duration.between(killedAt, lockExpiry).toMillis(),
                    Duration.between(killedAt, earliestEnd).toMillis(), Duration.between(killedAt, latestEnd).toMillis());
            assertThat(Duration.between(killedAt, latestEnd)).as("waited after A's death")
                    .isLessThanOrEqualTo(Duration.ofSeconds(30));
        } finally {
            if (!aClosed) {
                nodeA.close();
            }
            if (!executorB.isActive()) {
                executorB.start();
            }
        }
    }

    private List<Job> jobs(List<String> instances) {
        return instances.stream().flatMap(id -> managementService.createJobQuery().processInstanceId(id).list()
                .stream()).toList();
    }
}
