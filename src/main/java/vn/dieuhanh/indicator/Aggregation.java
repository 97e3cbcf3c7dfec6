package vn.dieuhanh.indicator;

/**
 * How values combine, both across reporting units (city-wide value of a period) and across the periods of a year
 * (value so far against the yearly plan).
 */
public enum Aggregation {
    /** Added up (e.g. budget revenue, new enterprises). */
    SUM("Cộng dồn"),
    /** Arithmetic mean of the reported values (e.g. rates, percentages). */
    AVERAGE("Bình quân"),
    /** The most recent reported value (e.g. a stock at the end of the period). */
    LATEST("Số liệu kỳ gần nhất");

    private final String label;

    Aggregation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
