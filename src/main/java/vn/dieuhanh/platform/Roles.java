package vn.dieuhanh.platform;

import java.util.Collection;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Every Camunda group that the application's authorization checks name, in one place. Officials are put in these
 * groups by the directory import ({@code organisation.Role} mirrors each role into its {@code role-<name>} group);
 * the administrators' group is the engine's own. Checks compare the caller's group ids with these constants.
 */
public final class Roles {

    /**
     * Quản trị hệ thống: system administrators. The engine's administrators' group ({@link Groups#CAMUNDA_ADMIN}),
     * created by the admin-user set-up.
     */
    public static final String ADMIN = Groups.CAMUNDA_ADMIN;

    /** Lãnh đạo UBND Thành phố: the City People's Committee's chair and vice-chairs (City PC leaders). */
    public static final String LEADER = "role-leader";

    /** Thủ trưởng đơn vị: the head of a department, agency, ward or commune. */
    public static final String HEAD = "role-head";

    /** Phó thủ trưởng đơn vị: a deputy head of a unit. */
    public static final String DEPUTY = "role-deputy";

    /** Văn thư: a unit's clerk, who registers incoming documents. */
    public static final String CLERK = "role-clerk";

    /** Chuyên viên: an official (cán bộ, công chức) who carries out assignments. */
    public static final String OFFICER = "role-officer";

    /** Chuyên viên phân tích quy trình: a process analyst (models, statistics, KPI and indicator read access). */
    public static final String ANALYST = "role-analyst";

    /**
     * Công chức Tư pháp - Hộ tịch: a ward's or commune's justice and civil-status officer, who drafts the chairman's
     * delegation decisions for certification (authority module).
     */
    public static final String JUSTICE = "role-justice";

    /**
     * Sở Tư pháp: the City Department of Justice, as a unit group (a unit's code is its group id). Its officials read
     * the city-wide certification oversight report.
     */
    public static final String DEPARTMENT_OF_JUSTICE = "so-tu-phap";

    /**
     * Văn phòng UBND Thành phố: the City People's Committee Office, as a unit group (a unit's code is its group id).
     * It registers and follows directives city-wide.
     */
    public static final String CITY_OFFICE = "van-phong-ubnd-tp";

    private Roles() {
    }

    /** Whether the group ids (may be null) include the administrators' group. */
    public static boolean isAdministrator(Collection<String> groupIds) {
        return groupIds != null && groupIds.contains(ADMIN);
    }
}
