package vn.dieuhanh.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.dieuhanh.ProcessTestEngine;
import vn.dieuhanh.deadline.internal.DmnReminderPolicies;

/** The analysts' table {@code processes/deadline/reminder-policy.dmn} on the in-memory engine, rule by rule. */
@Deployment(resources = "processes/deadline/reminder-policy.dmn")
class ReminderPolicyDecisionTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    @ParameterizedTest(name = "{0} from {1}")
    @CsvSource({
            // urgency,  source,                 percents, before, window, daily, head, leader
            "EXPRESS,     CENTRAL,                 50;75,   1, 1, true, 1, 2",
            "EXPRESS,     INSTANT,                 50;75,   1, 1, true, 1, 2",
            "VERY_URGENT, CITY_PARTY_COMMITTEE,    50;75,   1, 1, true, 1, 3",
            "VERY_URGENT, CITY_PEOPLES_COMMITTEE,  50;75,   1, 1, true, 1, 3",
            "URGENT,      CENTRAL,                 50;75,   1, 2, true, 1, 3",
            "URGENT,      CITY_PARTY_COMMITTEE,    50;75,   1, 2, true, 1, 3",
            "URGENT,      CITY_PEOPLES_COMMITTEE,  50;75,   1, 2, true, 2, 4",
            "URGENT,      INSTANT,                 50;75,   1, 2, true, 2, 4",
            "NORMAL,      CENTRAL,                 50;75,   2, 3, true, 2, 4",
            "NORMAL,      CITY_PARTY_COMMITTEE,    50;75,   2, 3, true, 2, 4",
            "NORMAL,      CITY_PEOPLES_COMMITTEE,  50;75,   1, 2, true, 3, 5",
            "NORMAL,      INSTANT,                 50;75,   1, 2, true, 3, 5",
    })
    void eachUrgencyAndSourceGetsItsRule(String urgency, String source, String percents, int before, int window,
                                         boolean daily, int head, int leader) {
        ReminderPolicy policy = new DmnReminderPolicies(ENGINE.getDecisionService()).policyFor(urgency, source);
        assertThat(policy).isEqualTo(new ReminderPolicy(ReminderPolicy.parsePercents(percents.replace(';', ',')),
                before, window, daily, head, leader));
    }

    @Test
    void anUnknownValueFallsToTheCatchAllRule() {
        assertThat(new DmnReminderPolicies(ENGINE.getDecisionService()).policyFor(null, null))
                .isEqualTo(new ReminderPolicy(List.of(50, 75), 1, 2, true, 3, 5));
    }
}
