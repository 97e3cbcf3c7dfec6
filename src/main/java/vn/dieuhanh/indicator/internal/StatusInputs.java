package vn.dieuhanh.indicator.internal;

/**
 * The inputs of {@code indicator-status.dmn}.
 *
 * @param hasPlan       a positive yearly plan exists
 * @param reportedShare share of the expected units that reported in the period (0-1)
 * @param direction     higher or lower is better
 * @param achievedRatio year-to-date value / yearly plan, or null without a plan or values
 * @param expectedRatio share of the plan expected by now: elapsed share of the year for SUM, 1 otherwise
 */
public record StatusInputs(boolean hasPlan, double reportedShare, Direction direction, Double achievedRatio,
                           double expectedRatio) {
}
