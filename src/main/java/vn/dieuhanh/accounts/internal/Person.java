package vn.dieuhanh.accounts.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.Role;

/** An official as the staff list and the directory describe him (directory entry plus phone and position). */
record Person(String userId, String fullName, String email, String phone, String unitCode, String divisionCode,
              String jobTitle, Role role, boolean active) {

    Official official() {
        return new Official(userId, fullName, email, unitCode, divisionCode, role);
    }

    /** What an administrator reads in the preview, e.g. "phuong-ben-thanh · Chuyên viên · ...". */
    String describe() {
        List<String> parts = new ArrayList<>();
        parts.add(fullName);
        parts.add(unitCode + (divisionCode == null ? "" : " / " + divisionCode));
        parts.add(role.label());
        if (jobTitle != null) {
            parts.add(jobTitle);
        }
        if (email != null) {
            parts.add(email);
        }
        if (phone != null) {
            parts.add(phone);
        }
        return String.join(" · ", parts);
    }

    /** The fields that differ, as "field: before → after" (Vietnamese field names). */
    static String differences(Person before, Person after) {
        List<String> changes = new ArrayList<>();
        diff(changes, "Họ và tên", before.fullName, after.fullName);
        diff(changes, "Đơn vị", before.unitCode, after.unitCode);
        diff(changes, "Phòng ban", before.divisionCode, after.divisionCode);
        diff(changes, "Vai trò", before.role.label(), after.role.label());
        diff(changes, "Chức vụ", before.jobTitle, after.jobTitle);
        diff(changes, "Thư điện tử", before.email, after.email);
        diff(changes, "Điện thoại", before.phone, after.phone);
        return String.join("; ", changes);
    }

    private static void diff(List<String> changes, String field, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(field + ": " + (before == null ? "(trống)" : before) + " → " + (after == null ? "(trống)" : after));
        }
    }

    boolean sameAs(Person other) {
        return Objects.equals(fullName, other.fullName) && Objects.equals(email, other.email)
                && Objects.equals(phone, other.phone) && Objects.equals(unitCode, other.unitCode)
                && Objects.equals(divisionCode, other.divisionCode) && Objects.equals(jobTitle, other.jobTitle)
                && role == other.role && active == other.active;
    }
}
