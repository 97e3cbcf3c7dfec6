package vn.dieuhanh.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dieuhanh.ProcessTestEngine;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.deadline.internal.DmnReminderPolicies;
import vn.dieuhanh.platform.DeployedDecisions;

/**
 * The analysts' table {@code processes/deadline/reminder-policy.dmn} on the in-memory engine, checked by what any
 * version of it must do rather than by a copy of its rows (an analyst's change of a number keeps the build green;
 * a table that breaks the rules below does not): every urgency and source gets a usable policy that reminds before
 * the deadline and escalates to the leader after the head, more urgent work is
 * never escalated later than less urgent work of the same source, and a value the table does not know falls to its
 * catch-all rule, the one for ordinary instant work.
 */
@Deployment(resources = "processes/deadline/reminder-policy.dmn")
class ReminderPolicyDecisionTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    @Test
    void everyUrgencyAndSourceGetsAUsablePolicy() {
        for (Urgency urgency : Urgency.values()) {
            for (String source : sources()) {
                ReminderPolicy policy = policy(urgency.name(), source);
                String rule = urgency + " from " + source;
                assertThat(policy).as(rule).isNotNull();
                assertThat(policy.reminderPercents()).as(rule).isSorted()
                        .allSatisfy(percent -> assertThat(percent).isStrictlyBetween(0, 100));
                assertThat(policy.reminderWorkingDaysBefore()).as(rule).isNotNegative();
                // some reminder before the deadline: at a share of the time, or days before it (periodic reports)
                assertThat(!policy.reminderPercents().isEmpty() || policy.reminderWorkingDaysBefore() > 0).as(rule)
                        .isTrue();
                assertThat(policy.warningWindowWorkingDays()).as(rule).isPositive();
                assertThat(policy.escalateToHeadAfterOverdueDays()).as(rule).isPositive();
                assertThat(policy.escalateToLeaderAfterOverdueDays()).as(rule)
                        .isGreaterThan(policy.escalateToHeadAfterOverdueDays());
            }
        }
    }

    @Test
    void moreUrgentWorkIsNeverEscalatedLaterThanLessUrgentWork() {
        for (String source : sources()) {
            ReminderPolicy lessUrgent = null;
            for (Urgency urgency : Urgency.values()) { // declared from ordinary to express
                ReminderPolicy policy = policy(urgency.name(), source);
                if (lessUrgent != null) {
                    String rule = urgency + " from " + source;
                    assertThat(policy.escalateToHeadAfterOverdueDays()).as(rule)
                            .isLessThanOrEqualTo(lessUrgent.escalateToHeadAfterOverdueDays());
                    assertThat(policy.escalateToLeaderAfterOverdueDays()).as(rule)
                            .isLessThanOrEqualTo(lessUrgent.escalateToLeaderAfterOverdueDays());
                }
                lessUrgent = policy;
            }
        }
    }

    @Test
    void anUnknownValueFallsToTheCatchAllRule() {
        assertThat(policy(null, null)).isEqualTo(policy(Urgency.NORMAL.name(), WorkSource.INSTANT.name()));
        assertThat(policy("NO_SUCH_URGENCY", "NO_SUCH_SOURCE")).isEqualTo(policy(null, null));
    }

    private static List<String> sources() {
        List<String> sources = new java.util.ArrayList<>();
        for (WorkSource source : WorkSource.values()) {
            sources.add(source.name());
        }
        sources.add("PERIODIC_REPORT"); // the indicator reports' own rule
        return sources;
    }

    @Test
    void aPolicyIsEvaluatedOncePerTableVersionAndAnAnalystsNewVersionAppliesAtOnce() throws Exception {
        DeployedDecisions decisions = new DeployedDecisions(ENGINE.getRepositoryService(),
                ENGINE.getIdentityService());
        DmnReminderPolicies policies = new DmnReminderPolicies(decisions);
        ReminderPolicy express = policies.policyFor(Urgency.EXPRESS.name(), WorkSource.INSTANT.name());
        for (int i = 0; i < 5; i++) {
            assertThat(policies.policyFor(Urgency.EXPRESS.name(), WorkSource.INSTANT.name())).isEqualTo(express);
        }
        assertThat(decisions.evaluations()).as("five more assignments read the remembered policy").isEqualTo(1);

        String table;
        try (var shipped = getClass().getClassLoader().getResourceAsStream("processes/deadline/reminder-policy.dmn")) {
            table = new String(shipped.readAllBytes(), StandardCharsets.UTF_8);
        }
        String express9 = table.replace(
                "<outputEntry id=\"LiteralExpression_ExpressEscalateToLeaderAfterOverdueDays\"><text>2</text>",
                "<outputEntry id=\"LiteralExpression_ExpressEscalateToLeaderAfterOverdueDays\"><text>9</text>");
        assertThat(express9).isNotEqualTo(table);
        String deployment = ENGINE.getRepositoryService().createDeployment()
                .addString("reminder-policy.dmn", express9).deploy().getId();
        try {
            assertThat(policies.policyFor(Urgency.EXPRESS.name(), WorkSource.INSTANT.name())
                    .escalateToLeaderAfterOverdueDays()).as("the analyst's new version, for the next assignment")
                    .isEqualTo(9);
            assertThat(decisions.evaluations()).isEqualTo(2);
        } finally {
            ENGINE.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private static ReminderPolicy policy(String urgency, String source) {
        return new DmnReminderPolicies(new DeployedDecisions(ENGINE.getRepositoryService(),
                ENGINE.getIdentityService())).policyFor(urgency, source);
    }
}
