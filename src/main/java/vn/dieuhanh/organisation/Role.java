package vn.dieuhanh.organisation;

import java.util.Arrays;

/** An official's role within their unit. Each role is mirrored into a Camunda group {@code role-<name>}. */
public enum Role {
    LEADER("Lãnh đạo"),
    HEAD("Thủ trưởng đơn vị"),
    DEPUTY("Phó thủ trưởng đơn vị"),
    CLERK("Văn thư"),
    OFFICER("Chuyên viên"),
    ANALYST("Chuyên viên phân tích quy trình");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The Camunda group holding every official with this role, e.g. {@code role-head}. */
    public String groupId() {
        return "role-" + name().toLowerCase();
    }

    public static Role fromCode(String code) {
        return Arrays.stream(values())
                .filter(role -> role.name().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + code + "'"));
    }
}
