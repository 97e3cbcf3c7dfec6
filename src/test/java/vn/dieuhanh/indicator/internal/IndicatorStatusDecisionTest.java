package vn.dieuhanh.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The analysts' table {@code processes/indicator/indicator-status.dmn} as the application reads it, checked by what any
 * version of it must do rather than by a copy of its rows (an analyst who moves a threshold keeps the build green; a
 * table that judges backwards does not): every situation gets a status, no plan or too little data is not judged,
 * full data with a plan is, more achieved is never worse for a target and never better for a ceiling, and a few
 * worked examples of the plain cases.
 */
class IndicatorStatusDecisionTest {

    /** Worst first; GREY (not judged) is outside the order. */
    static final List<String> WORST_FIRST = List.of(IndicatorStatus.RED, IndicatorStatus.ORANGE, IndicatorStatus.GREEN);
    static final double[] SHARES = {0, 0.25, 0.49, 0.5, 0.75, 1};
    static final double[] EXPECTED = {1.0 / 12, 0.25, 0.5, 0.75, 1};
    static final double[] ACHIEVED = achieved();

    static IndicatorStatusRules.Evaluator rules;

    @BeforeAll
    static void readTheShippedTable() throws IOException {
        try (InputStream dmn = IndicatorStatusDecisionTest.class.getClassLoader()
                .getResourceAsStream("processes/indicator/indicator-status.dmn")) {
            rules = IndicatorStatusRules.evaluator(dmn);
        }
    }

    @Test
    void everySituationGetsAKnownStatusWithALabel() {
        for (boolean hasPlan : new boolean[] {true, false}) {
            for (double share : SHARES) {
                for (Direction direction : Direction.values()) {
                    for (double expected : EXPECTED) {
                        for (double achieved : ACHIEVED) {
                            IndicatorStatus status = status(hasPlan, share, direction, achieved, expected);
                            String situation = situation(hasPlan, share, direction, achieved, expected);
                            assertThat(status.code()).as(situation).isIn(IndicatorStatus.RED, IndicatorStatus.ORANGE,
                                    IndicatorStatus.GREEN, IndicatorStatus.GREY);
                            assertThat(status.label()).as(situation).isNotBlank();
                        }
                    }
                }
            }
        }
    }

    @Test
    void withoutAPlanNothingIsJudged() {
        for (Direction direction : Direction.values()) {
            assertThat(status(false, 1, direction, null, 0.5).code()).isEqualTo(IndicatorStatus.GREY);
            for (double achieved : ACHIEVED) {
                assertThat(status(false, 1, direction, achieved, 0.5).code()).as(direction + " " + achieved)
                        .isEqualTo(IndicatorStatus.GREY);
            }
        }
    }

    @Test
    void withAPlanAndEveryUnitReportedItIsJudgedAndFewerReportsNeverMakeItJudgeable() {
        for (Direction direction : Direction.values()) {
            for (double expected : EXPECTED) {
                for (double achieved : ACHIEVED) {
                    assertThat(status(true, 1, direction, achieved, expected).code())
                            .as(situation(true, 1, direction, achieved, expected)).isNotEqualTo(IndicatorStatus.GREY);
                    // walking down the share of units that reported: once not judged, never judged again
                    boolean judged = true;
                    for (int i = SHARES.length - 1; i >= 0; i--) {
                        boolean now = !IndicatorStatus.GREY.equals(status(true, SHARES[i], direction, achieved,
                                expected).code());
                        assertThat(!now || judged).as(situation(true, SHARES[i], direction, achieved, expected))
                                .isTrue();
                        judged = now;
                    }
                    // nobody reported: nothing to judge
                    assertThat(status(true, 0, direction, achieved, expected).code()).isEqualTo(IndicatorStatus.GREY);
                }
            }
        }
    }

    @Test
    void moreAchievedIsNeverWorseForATargetAndNeverBetterForACeiling() {
        for (double expected : EXPECTED) {
            int previousTarget = -1;
            int previousCeiling = Integer.MAX_VALUE;
            for (double achieved : ACHIEVED) { // ascending
                int target = rank(status(true, 1, Direction.HIGHER_IS_BETTER, achieved, expected));
                int ceiling = rank(status(true, 1, Direction.LOWER_IS_BETTER, achieved, expected));
                assertThat(target).as(situation(true, 1, Direction.HIGHER_IS_BETTER, achieved, expected))
                        .isGreaterThanOrEqualTo(previousTarget);
                assertThat(ceiling).as(situation(true, 1, Direction.LOWER_IS_BETTER, achieved, expected))
                        .isLessThanOrEqualTo(previousCeiling);
                previousTarget = target;
                previousCeiling = ceiling;
            }
        }
    }

    @Test
    void laterInTheYearTheSameAchievementIsNeverBetterForATarget() {
        for (double achieved : ACHIEVED) {
            int previous = Integer.MAX_VALUE;
            for (double expected : EXPECTED) { // ascending: more of the year elapsed
                int now = rank(status(true, 1, Direction.HIGHER_IS_BETTER, achieved, expected));
                assertThat(now).as(situation(true, 1, Direction.HIGHER_IS_BETTER, achieved, expected))
                        .isLessThanOrEqualTo(previous);
                previous = now;
            }
        }
    }

    @Test
    void workedExamples() {
        // a target: half the year gone, half the plan done, every unit reported -> on track
        assertThat(status(true, 1, Direction.HIGHER_IS_BETTER, 0.5, 0.5).code()).isEqualTo(IndicatorStatus.GREEN);
        // the whole year's plan already reached in the first quarter -> on track
        assertThat(status(true, 1, Direction.HIGHER_IS_BETTER, 1.02, 0.25).code()).isEqualTo(IndicatorStatus.GREEN);
        // three quarters gone, a quarter of the plan done -> at risk
        assertThat(status(true, 1, Direction.HIGHER_IS_BETTER, 0.25, 0.75).code()).isEqualTo(IndicatorStatus.RED);
        // a ceiling (e.g. traffic accidents): already above the year's ceiling -> at risk
        assertThat(status(true, 1, Direction.LOWER_IS_BETTER, 1.05, 0.5).code()).isEqualTo(IndicatorStatus.RED);
        // a ceiling, half the year gone, a fifth of it used -> under control
        assertThat(status(true, 1, Direction.LOWER_IS_BETTER, 0.2, 0.5).code()).isEqualTo(IndicatorStatus.GREEN);
    }

    private static int rank(IndicatorStatus status) {
        int rank = WORST_FIRST.indexOf(status.code());
        assertThat(rank).as("a judged status: " + status).isNotNegative();
        return rank;
    }

    private static IndicatorStatus status(boolean hasPlan, double share, Direction direction, Double achieved,
                                          double expected) {
        return rules.status(new StatusInputs(hasPlan, share, direction, achieved, expected));
    }

    private static String situation(boolean hasPlan, double share, Direction direction, Double achieved,
                                    double expected) {
        return "plan " + hasPlan + ", reported " + share + ", " + direction + ", achieved " + achieved
                + " of expected " + expected;
    }

    private static double[] achieved() {
        double[] values = new double[16];
        for (int i = 0; i < values.length; i++) {
            values[i] = i / 10.0; // 0 .. 1.5
        }
        return values;
    }
}
