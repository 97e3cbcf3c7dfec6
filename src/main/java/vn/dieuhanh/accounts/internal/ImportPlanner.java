package vn.dieuhanh.accounts.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import vn.dieuhanh.accounts.internal.ImportPlan.Change;
import vn.dieuhanh.accounts.internal.ImportPlan.Kind;
import vn.dieuhanh.accounts.internal.ImportPlan.RowResult;
import vn.dieuhanh.organisation.Role;

/**
 * Validates the staff list's rows and compares them with the directory (pure: the directory comes as a
 * {@link DirectoryState} snapshot). The rule for leavers: a unit is covered by the file when at least one accepted row
 * names it; an active official of a covered unit whose login is not in the file is leaving. Officials of units the file
 * does not name are left alone, and accounts outside the directory (administrators, service accounts) never leave.
 */
final class ImportPlanner {

    private static final Pattern LOGIN = Pattern.compile("[a-z0-9][a-z0-9._-]{1,149}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s\"<>,;]+@[^@\\s\"<>,;]+\\.[^@\\s\"<>,;]+");
    private static final Pattern PHONE = Pattern.compile("(\\+84|84|0)[1-9][0-9]{8,9}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.()-]");
    private static final Pattern PHONE_WITHOUT_ZERO = Pattern.compile("[1-9][0-9]{8}");

    /** The directory as the planner needs it. */
    record DirectoryState(Map<String, Person> officials, Set<String> camundaUsers, Set<String> activeUnits,
                          Map<String, String> divisionUnits, Map<String, String> divisionNames) {
    }

    private ImportPlanner() {
    }

    static ImportPlan plan(List<StaffRow> rows, DirectoryState directory) {
        Map<String, Integer> firstRowOfLogin = new HashMap<>();
        List<RowResult> results = new ArrayList<>();
        for (StaffRow row : rows) {
            List<String> errors = new ArrayList<>();
            Person person = validate(row, directory, errors);
            String login = row.login() == null ? null : row.login().strip().toLowerCase(Locale.ROOT);
            if (login != null) {
                Integer first = firstRowOfLogin.putIfAbsent(login, row.rowNo());
                if (first != null) {
                    errors.add("Tên đăng nhập '" + login + "' trùng với dòng " + first
                            + " (duplicate login in the file, first at row " + first + ")");
                }
            }
            results.add(errors.isEmpty() ? new RowResult(row, person, null)
                    : new RowResult(row, null, String.join("; ", errors)));
        }
        Set<String> covered = new TreeSet<>();
        Set<String> inFile = new LinkedHashSet<>();
        List<Change> changes = new ArrayList<>();
        int unchanged = 0;
        for (RowResult result : results) {
            if (result.person() == null) {
                continue;
            }
            Person after = result.person();
            covered.add(after.unitCode());
            inFile.add(after.userId());
            Person before = directory.officials().get(after.userId());
            if (before == null || !before.active()) {
                changes.add(new Change(Kind.NEW, after.userId(), before, after, after.describe()));
            } else if (!before.unitCode().equals(after.unitCode())) {
                changes.add(new Change(Kind.MOVED, after.userId(), before, after, Person.differences(before, after)));
            } else if (!before.sameAs(after)) {
                changes.add(new Change(Kind.CHANGED, after.userId(), before, after,
                        Person.differences(before, after)));
            } else {
                unchanged++;
            }
        }
        // rows were refused: the officials they name are neither leaving nor anything else (nothing will be applied)
        for (RowResult result : results) {
            if (result.person() == null && result.row().login() != null) {
                inFile.add(result.row().login().strip().toLowerCase(Locale.ROOT));
            }
        }
        new TreeSet<>(directory.officials().keySet()).forEach(userId -> {
            Person before = directory.officials().get(userId);
            if (before.active() && covered.contains(before.unitCode()) && !inFile.contains(userId)) {
                changes.add(new Change(Kind.LEAVING, userId, before, null, before.describe()));
            }
        });
        return new ImportPlan(results, changes, unchanged, covered);
    }

    private static Person validate(StaffRow row, DirectoryState directory, List<String> errors) {
        String fullName = row.fullName();
        if (fullName == null) {
            errors.add("Thiếu họ và tên (full name missing)");
        } else if (fullName.length() > 255 || fullName.chars().anyMatch(Character::isISOControl)) {
            errors.add("Họ và tên quá dài hoặc có ký tự không hợp lệ (full name too long or invalid)");
        }
        String login = row.login() == null ? null : row.login().strip().toLowerCase(Locale.ROOT);
        if (login == null) {
            errors.add("Thiếu tên đăng nhập (login missing)");
        } else if (!LOGIN.matcher(login).matches()) {
            errors.add("Tên đăng nhập '" + abbreviate(login) + "' không hợp lệ: chỉ chữ không dấu, số, dấu chấm, gạch"
                    + " ngang, gạch dưới, 2-150 ký tự (invalid login)");
        } else if (!directory.officials().containsKey(login) && directory.camundaUsers().contains(login)) {
            errors.add("Tên đăng nhập '" + login + "' là tài khoản hệ thống ngoài danh bạ cán bộ, không nhập được"
                    + " (the login is a system account outside the directory)");
        }
        String email = row.email() == null ? null : row.email().strip().toLowerCase(Locale.ROOT);
        if (email != null && (email.length() > 255 || !EMAIL.matcher(email).matches())) {
            errors.add("Thư điện tử '" + abbreviate(email) + "' không hợp lệ (bad e-mail address)");
        }
        String phone = row.phone() == null ? null : normalisePhone(row.phone());
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add("Số điện thoại '" + abbreviate(row.phone()) + "' không hợp lệ, ví dụ 0912345678 (bad phone"
                    + " number)");
        } else if (phone != null) {
            phone = phone.startsWith("+84") ? "0" + phone.substring(3)
                    : phone.startsWith("84") && phone.length() >= 11 ? "0" + phone.substring(2) : phone;
        }
        String unit = row.unitCode() == null ? null : row.unitCode().strip().toLowerCase(Locale.ROOT);
        if (unit == null) {
            errors.add("Thiếu mã đơn vị (unit code missing)");
        } else if (!directory.activeUnits().contains(unit)) {
            errors.add("Không có đơn vị mã '" + abbreviate(unit) + "' (unknown unit)");
            unit = null;
        }
        String division = null;
        if (row.division() != null && unit != null) {
            division = division(row.division(), unit, directory);
            if (division == null) {
                errors.add("Đơn vị " + unit + " không có phòng ban '" + abbreviate(row.division())
                        + "' (unknown division of the unit)");
            }
        }
        Role role = null;
        if (row.role() == null) {
            errors.add("Thiếu vai trò (role missing)");
        } else {
            role = role(row.role());
            if (role == null) {
                errors.add("Vai trò '" + abbreviate(row.role()) + "' không có; dùng một trong: "
                        + String.join(", ", java.util.Arrays.stream(Role.values()).map(Role::label).toList())
                        + " (unknown role)");
            }
        }
        String jobTitle = row.jobTitle();
        if (jobTitle != null && jobTitle.length() > 255) {
            errors.add("Chức vụ quá dài, tối đa 255 ký tự (position too long)");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Person(login, fullName, email, phone, unit, division, jobTitle, role, true);
    }

    private static String division(String value, String unit, DirectoryState directory) {
        String text = value.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (unit.equals(directory.divisionUnits().get(lower))) {
            return lower;
        }
        if (unit.equals(directory.divisionUnits().get(unit + "." + lower))) {
            return unit + "." + lower;
        }
        String key = StaffListFile.key(text);
        for (Map.Entry<String, String> division : directory.divisionNames().entrySet()) {
            if (unit.equals(directory.divisionUnits().get(division.getKey()))
                    && StaffListFile.key(division.getValue()).equals(key)) {
                return division.getKey();
            }
        }
        return null;
    }

    /** Every accepted spelling of a role (code, Vietnamese label, group id), as {@link StaffListFile#key}. */
    private static final Map<String, Role> ROLE_KEYS = new HashMap<>();

    static {
        for (Role role : Role.values()) {
            ROLE_KEYS.put(role.name().toLowerCase(Locale.ROOT), role);
            ROLE_KEYS.put(StaffListFile.key(role.label()), role);
            ROLE_KEYS.put(StaffListFile.key(role.groupId()), role);
        }
    }

    private static Role role(String value) {
        return ROLE_KEYS.get(StaffListFile.key(value));
    }

    private static String normalisePhone(String phone) {
        String digits = PHONE_SEPARATORS.matcher(phone).replaceAll("");
        // Excel stores 0912345678 typed as a number as 912345678
        return PHONE_WITHOUT_ZERO.matcher(digits).matches() ? "0" + digits : digits;
    }

    private static String abbreviate(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
