package vn.dieuhanh.assignment.internal;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Component;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.UnitKind;
import vn.dieuhanh.platform.Roles;

/**
 * Who may assign work to which unit: City People's Committee leaders and the heads of its Office assign to any unit;
 * any other unit head assigns within his own unit only (each unit works its own; other units are reached through the
 * City People's Committee). Administrators may assign anywhere.
 */
@Component
class AssignerPolicy {

    private final OrganisationDirectory directory;

    AssignerPolicy(OrganisationDirectory directory) {
        this.directory = directory;
    }

    void requireMayAssign(String assigner, List<String> assignerGroups, String unitCode) {
        Optional<String> only = onlyUnit(assigner, assignerGroups);
        if (only.isPresent() && !only.get().equals(unitCode)) {
            throw new AuthorizationException("Thủ trưởng đơn vị chỉ giao việc trong đơn vị mình (" + only.get() + "); việc"
                    + " cho đơn vị khác do UBND Thành phố giao (a unit head assigns within his own unit only)");
        }
    }

    /**
     * The one unit the assigner may assign to, or empty if he may assign to every unit; refused (the engine's
     * authorization error, a 403) for officials who may not assign at all.
     */
    Optional<String> onlyUnit(String assigner, List<String> assignerGroups) {
        if (Roles.isAdministrator(assignerGroups) || assignerGroups.contains(Roles.LEADER)) {
            return Optional.empty();
        }
        Optional<Official> official = directory.official(assigner);
        boolean head = official.map(o -> o.role() == Role.HEAD || o.role() == Role.LEADER).orElse(false);
        if (!head) {
            throw new AuthorizationException("Chỉ lãnh đạo UBND Thành phố và thủ trưởng đơn vị được giao việc (only City"
                    + " People's Committee leaders and unit heads assign work)");
        }
        String ownUnit = official.get().unitCode();
        boolean citywide = official.get().role() == Role.LEADER || directory.unit(ownUnit)
                .map(unit -> unit.kind() == UnitKind.OFFICE || unit.kind() == UnitKind.CITY_LEADERSHIP).orElse(false);
        return citywide ? Optional.empty() : Optional.of(ownUnit);
    }
}
