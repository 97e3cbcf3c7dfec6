package vn.dieuhanh.organisation.internal;

import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.Unit;

/** Mirrors units, divisions and roles into Camunda groups so that BPMN can route work by candidate group. */
@Component
class CamundaGroupMirror {

    static final String UNIT_GROUP_TYPE = "UNIT";
    static final String DIVISION_GROUP_TYPE = "DIVISION";
    static final String ROLE_GROUP_TYPE = "ROLE";

    private final IdentityService identityService;

    CamundaGroupMirror(IdentityService identityService) {
        this.identityService = identityService;
    }

    /** Creates missing groups and renames changed ones; returns how many groups were written. */
    int mirror(Collection<Unit> units, Collection<Division> divisions) {
        Map<String, Group> existing = identityService.createGroupQuery().list().stream()
                .collect(Collectors.toMap(Group::getId, Function.identity()));
        int written = 0;
        for (Unit unit : units) {
            written += ensure(existing, unit.code(), unit.name(), UNIT_GROUP_TYPE);
        }
        for (Division division : divisions) {
            written += ensure(existing, division.code(), division.name(), DIVISION_GROUP_TYPE);
        }
        for (Role role : Role.values()) {
            written += ensure(existing, role.groupId(), role.label(), ROLE_GROUP_TYPE);
        }
        return written;
    }

    private int ensure(Map<String, Group> existing, String id, String name, String type) {
        Group group = existing.get(id);
        if (group != null && name.equals(group.getName()) && type.equals(group.getType())) {
            return 0;
        }
        if (group == null) {
            group = identityService.newGroup(id);
        }
        group.setName(name);
        group.setType(type);
        identityService.saveGroup(group);
        return 1;
    }
}
