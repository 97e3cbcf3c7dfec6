package vn.dieuhanh.assignment;

import java.util.Arrays;

/** Where a piece of work comes from; leaders count status buckets per source. */
public enum WorkSource {
    CENTRAL("Trung ương"),
    CITY_PARTY_COMMITTEE("Thành ủy"),
    CITY_PEOPLES_COMMITTEE("UBND Thành phố"),
    INSTANT("Giao việc trực tiếp");

    private final String label;

    WorkSource(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static WorkSource parse(String value) {
        return Arrays.stream(values()).filter(source -> source.name().equalsIgnoreCase(value)).findFirst()
                .orElseThrow(() -> new AssignmentInputException("Unknown source '" + value + "'; expected one of "
                        + Arrays.toString(values())));
    }
}
