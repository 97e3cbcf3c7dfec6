package vn.dieuhanh.organisation;

import java.util.Arrays;

/** The kinds of units in the city's two-tier government, as written in the reference files. */
public enum UnitKind {
    CITY_LEADERSHIP("city-leadership", "Lãnh đạo Thành phố"),
    OFFICE("office", "Văn phòng"),
    DEPARTMENT("department", "Sở, ban, ngành"),
    WARD("ward", "Phường"),
    COMMUNE("commune", "Xã"),
    SPECIAL_ZONE("special-zone", "Đặc khu");

    private final String code;
    private final String label;

    UnitKind(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The code used in reference files and the REST API, e.g. {@code special-zone}. */
    public String code() {
        return code;
    }

    public String label() {
        return label;
    }

    public boolean isLocal() {
        return this == WARD || this == COMMUNE || this == SPECIAL_ZONE;
    }

    public static UnitKind fromCode(String code) {
        return Arrays.stream(values())
                .filter(kind -> kind.code.equalsIgnoreCase(code) || kind.name().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown unit kind '" + code + "'; expected one of "
                        + Arrays.stream(values()).map(UnitKind::code).toList()));
    }
}
