package vn.dieuhanh.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dieuhanh.ProcessTestEngine;
import vn.dieuhanh.dossier.internal.DossierReferenceData;
import vn.dieuhanh.dossier.internal.DossierReminderPolicy;

/**
 * The analysts' table {@code processes/dossier/dossier-reminder-policy.dmn} on the in-memory engine, checked by what
 * any version must do (not by a copy of its rows): every procedure of the catalogue gets a reminder that comes before
 * its appointment, after the reception (less than its statutory time), and an escalation at least one working hour
 * after the appointment; a longer procedure is never reminded later than a shorter one of the same kind.
 */
@Deployment(resources = "processes/dossier/dossier-reminder-policy.dmn")
class DossierReminderPolicyDecisionTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    @Test
    void everyCatalogueProcedureGetsAReminderWithinItsTimeAndAnEscalation() {
        DossierReferenceData data = new DossierReferenceData();
        assertThat(data.procedures()).hasSizeGreaterThanOrEqualTo(30);
        data.procedures().forEach(procedure -> {
            DossierReminderPolicy.Policy policy = policy(procedure.statutoryTime(), procedure.certification());
            assertThat(policy.warnBefore()).as(procedure.code()).isPositive()
                    .isLessThan(procedure.statutoryTime());
            assertThat(policy.escalateAfterLate()).as(procedure.code()).isGreaterThanOrEqualTo(Duration.ofHours(1));
        });
    }

    @Test
    void aLongerProcedureIsNeverRemindedLaterThanAShorterOne() {
        for (boolean certification : new boolean[] {false, true}) {
            Duration previous = Duration.ZERO;
            for (int hours = 1; hours <= 8 * 60; hours++) {
                Duration warn = policy(Duration.ofHours(hours), certification).warnBefore();
                assertThat(warn).as(hours + " working hours, certification " + certification)
                        .isGreaterThanOrEqualTo(previous);
                previous = warn;
            }
        }
    }

    @Test
    void aSameDayProcedureIsRemindedWithinTheDayAndAnOrdinaryOneADayAhead() {
        assertThat(policy(Duration.ofHours(2), false).warnBefore()).isLessThan(Duration.ofHours(2));
        assertThat(policy(Duration.ofHours(2), true).warnBefore()).isLessThan(Duration.ofHours(2));
        // the apology letter must reach the citizen before the appointment day: a working day ahead for long procedures
        assertThat(policy(Duration.ofHours(8 * 15), false).warnBefore()).isGreaterThanOrEqualTo(Duration.ofHours(8));
    }

    private static DossierReminderPolicy.Policy policy(Duration statutory, boolean certification) {
        return new DossierReminderPolicy(ENGINE.getDecisionService()).policyFor(statutory, certification);
    }
}
