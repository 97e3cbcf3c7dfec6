package vn.dieuhanh.platform.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;

/**
 * Camunda's authorization manager, but the per-command question "which of the user's groups have any
 * authorization" is asked about the user's groups only. Camunda reads every group that has a grant
 * ({@code selectAuthorizedGroupIds}: about 936 groups here, one per unit, division and role, returned to every
 * authenticated request) and keeps those the user belongs to; this asks
 * {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION WHERE GROUP_ID_ IN (the user's groups)}, one probe of
 * {@code ACT_IDX_AUTH_GROUP_ID} per group of the user (a few). The answer is the same set by construction (the
 * intersection, computed by the database); no grant is read, added or widened differently. Measured in the simulated
 * year (docs/performance.md): the loose scan was 55 % of the database's time. Answers are remembered for the command
 * (the engine remembered all groups for the command too).
 */
class AuthorizedGroupsAmongManager extends AuthorizationManager {

    static final String STATEMENT = "dhSelectAuthorizedGroupIdsAmong";

    private final Map<Set<String>, List<String>> answered = new HashMap<>();

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        if (authenticatedGroupIds == null || authenticatedGroupIds.isEmpty()) {
            return new ArrayList<>();
        }
        Set<String> groups = new LinkedHashSet<>(authenticatedGroupIds);
        groups.remove(null); // nobody's group: the engine's answer never contains it either
        if (groups.isEmpty()) {
            return new ArrayList<>();
        }
        List<String> found = answered.get(groups);
        if (found == null) {
            @SuppressWarnings("unchecked")
            List<String> rows = (List<String>) getDbEntityManager().selectList(STATEMENT,
                    new ListQueryParameterObject(new ArrayList<>(groups), 0, Integer.MAX_VALUE));
            found = List.copyOf(rows);
            answered.put(Set.copyOf(groups), found);
        }
        return new ArrayList<>(found);
    }

    /** Opens this manager wherever the engine asks for its {@link AuthorizationManager}. */
    static final class Factory implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return AuthorizationManager.class;
        }

        @Override
        public Session openSession() {
            return new AuthorizedGroupsAmongManager();
        }
    }
}
