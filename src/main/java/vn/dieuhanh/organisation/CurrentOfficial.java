package vn.dieuhanh.organisation;

import java.util.List;
import vn.dieuhanh.platform.Roles;

/**
 * The official signed in on this request, as the organisation tables know him: never from request input. Controllers
 * (pages of the web app and {@code /api}) declare a {@code CurrentOfficial} parameter and get it from the login that the
 * request's authentication filter set on the engine (web app session, or HTTP Basic on {@code /api}); a request without
 * a login never reaches such a controller. The unit and division are null for accounts outside the directory
 * ({@code admin}, {@code analyst} in the demo).
 *
 * @param groupIds the Camunda groups of the login (unit, division and {@code role-*} groups, {@link Roles})
 */
public record CurrentOfficial(String userId, String fullName, Unit unit, String divisionCode, Role role,
                              List<String> groupIds) {

    public CurrentOfficial {
        groupIds = List.copyOf(groupIds);
    }

    public String unitCode() {
        return unit == null ? null : unit.code();
    }

    public String unitName() {
        return unit == null ? null : unit.name();
    }

    public boolean isAdministrator() {
        return Roles.isAdministrator(groupIds);
    }

    /** Chair or vice-chair of the City People's Committee. */
    public boolean isCityLeader() {
        return groupIds.contains(Roles.LEADER);
    }

    /** Head or deputy head of his unit. */
    public boolean isUnitHead() {
        return groupIds.contains(Roles.HEAD) || groupIds.contains(Roles.DEPUTY);
    }

    /** Member of the City People's Committee Office, which follows work city-wide. */
    public boolean isCityOffice() {
        return Roles.CITY_OFFICE.equals(unitCode()) || groupIds.contains(Roles.CITY_OFFICE);
    }

    /**
     * Whether the leaders' pages (Điều hành) are offered: City PC leaders and the Office city-wide, unit heads and deputies
     * for their unit, administrators. What each sees there is decided by the page's own rules.
     */
    public boolean steers() {
        return isCityLeader() || isCityOffice() || isUnitHead() || isAdministrator();
    }

    /**
     * Whether the certification page (Chứng thực, authority) is offered: the officials of a ward, commune or the special
     * zone (the chairman signs, an official with a delegation decision signs in his name, the justice and civil-status
     * officer drafts the decisions), the City Department of Justice, which oversees certification city-wide, and
     * administrators. What each may do there is decided by the authority module's own rules.
     */
    public boolean certifies() {
        return (unit != null && unit.kind() != null && unit.kind().isLocal()) || groupIds.contains(Roles.JUSTICE)
                || groupIds.contains(Roles.DEPARTMENT_OF_JUSTICE)
                || Roles.DEPARTMENT_OF_JUSTICE.equals(unitCode()) || isAdministrator();
    }

    /** Name and unit as the header shows them, e.g. "Nguyễn Văn A · Phường Bến Thành". */
    public String displayName() {
        String name = fullName == null || fullName.isBlank() ? userId : fullName;
        return unit == null ? name : name + " · " + unit.name();
    }
}
