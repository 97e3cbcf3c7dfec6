package vn.dieuhanh.indicator.internal;

/** A status against plan from {@code indicator-status.dmn}: RED, ORANGE, GREEN or GREY with its Vietnamese label. */
public record IndicatorStatus(String code, String label) {

    public static final String RED = "RED";
    public static final String ORANGE = "ORANGE";
    public static final String GREEN = "GREEN";
    public static final String GREY = "GREY";
}
