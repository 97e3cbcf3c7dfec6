package vn.dieuhanh.organisation.internal;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;

@Service
class CamundaOfficialAccounts implements OfficialAccounts {

    private final IdentityService identityService;
    private final DirectoryRepository repository;

    CamundaOfficialAccounts(IdentityService identityService, DirectoryRepository repository) {
        this.identityService = identityService;
        this.repository = repository;
    }

    @Override
    @Transactional
    public void register(Official official, String initialPassword) {
        repository.unit(official.unitCode()).orElseThrow(() ->
                new IllegalArgumentException("Unknown unit '" + official.unitCode() + "'"));
        if (official.divisionCode() != null) {
            repository.division(official.divisionCode())
                    .filter(division -> division.unitCode().equals(official.unitCode()))
                    .orElseThrow(() -> new IllegalArgumentException("Division '" + official.divisionCode()
                            + "' is not a division of unit '" + official.unitCode() + "'"));
        }
        User user = identityService.createUserQuery().userId(official.userId()).singleResult();
        boolean isNew = user == null;
        if (isNew) {
            user = identityService.newUser(official.userId());
            user.setPassword(initialPassword);
        }
        setName(user, official.fullName());
        user.setEmail(official.email());
        identityService.saveUser(user);
        List<String> wanted = groupsOf(official);
        List<String> current = directoryGroups(official.userId());
        for (String groupId : current) {
            if (!wanted.contains(groupId)) { // a mover leaves the former unit's, division's and role's groups
                identityService.deleteMembership(official.userId(), groupId);
            }
        }
        for (String groupId : wanted) {
            if (!current.contains(groupId)) {
                identityService.createMembership(official.userId(), groupId);
            }
        }
        repository.upsertOfficial(official);
    }

    @Override
    @Transactional
    public boolean deactivate(String userId) {
        if (!repository.deactivateOfficial(userId)) {
            return false;
        }
        for (String groupId : directoryGroups(userId)) {
            identityService.deleteMembership(userId, groupId);
        }
        return true;
    }

    @Override
    public boolean isActive(String userId) {
        return repository.isActiveOfficial(userId);
    }

    /** The user's memberships of directory groups (units, divisions, roles); never camunda-admin or other groups. */
    private List<String> directoryGroups(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream()
                .filter(group -> CamundaGroupMirror.UNIT_GROUP_TYPE.equals(group.getType())
                        || CamundaGroupMirror.DIVISION_GROUP_TYPE.equals(group.getType())
                        || CamundaGroupMirror.ROLE_GROUP_TYPE.equals(group.getType()))
                .map(org.camunda.bpm.engine.identity.Group::getId)
                .toList();
    }

    private static List<String> groupsOf(Official official) {
        List<String> groups = new ArrayList<>();
        groups.add(official.unitCode());
        if (official.divisionCode() != null) {
            groups.add(official.divisionCode());
        }
        groups.add(official.role().groupId());
        return groups;
    }

    /** Tasklist shows "first last"; Vietnamese names read family name first, so the given name goes last. */
    private static void setName(User user, String fullName) {
        String name = fullName.trim();
        int lastSpace = name.lastIndexOf(' ');
        user.setFirstName(lastSpace < 0 ? name : name.substring(0, lastSpace));
        user.setLastName(lastSpace < 0 ? "" : name.substring(lastSpace + 1));
    }
}
