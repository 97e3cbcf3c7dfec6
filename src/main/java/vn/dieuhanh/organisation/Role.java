package vn.dieuhanh.organisation;

import java.util.Arrays;
import vn.dieuhanh.platform.Roles;

/** An official's role within their unit. Each role is mirrored into its Camunda group, named in {@link Roles}. */
public enum Role {
    LEADER("Lãnh đạo", Roles.LEADER),
    HEAD("Thủ trưởng đơn vị", Roles.HEAD),
    DEPUTY("Phó thủ trưởng đơn vị", Roles.DEPUTY),
    CLERK("Văn thư", Roles.CLERK),
    OFFICER("Chuyên viên", Roles.OFFICER),
    ANALYST("Chuyên viên phân tích quy trình", Roles.ANALYST),
    JUSTICE("Công chức Tư pháp - Hộ tịch", Roles.JUSTICE);

    private final String label;
    private final String groupId;

    Role(String label, String groupId) {
        this.label = label;
        this.groupId = groupId;
    }

    public String label() {
        return label;
    }

    /** The Camunda group holding every official with this role, e.g. {@code role-head} ({@link Roles}). */
    public String groupId() {
        return groupId;
    }

    public static Role fromCode(String code) {
        return Arrays.stream(values())
                .filter(role -> role.name().equalsIgnoreCase(code))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + code + "'"));
    }
}
