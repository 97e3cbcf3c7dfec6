package vn.dieuhanh.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.PostgresIntegrationTest;

/**
 * On PostgreSQL the engine's per-command question "which groups have any authorization" is asked as a loose index
 * scan ({@link AuthorizedGroupIdsQuery}): the engine's statement id is mapped to it, and it returns the same groups
 * as Camunda's {@code SELECT distinct(GROUP_ID_)}. (That no grant changes is shown by the security tests, which run unchanged:
 * TaskIsolationTest, HistoryAccessTest, AssignmentTamperingTest, IndicatorTamperingTest.)
 */
@PostgresIntegrationTest
class AuthorizedGroupIdsQueryTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theLooseScanReturnsTheGroupsOfTheEnginesStatement() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getDbSqlSessionFactory().mapStatement(AuthorizedGroupIdsQuery.ENGINE_STATEMENT))
                .isEqualTo(AuthorizedGroupIdsQuery.STATEMENT);

        List<String> mapped = configuration.getCommandExecutorTxRequired().execute(context ->
                context.getDbEntityManager().selectList(AuthorizedGroupIdsQuery.ENGINE_STATEMENT));
        List<String> engines = jdbc.sql("SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION").query(String.class)
                .list();
        assertThat(mapped).as("groups with grants").isNotEmpty().doesNotContainNull();
        assertThat(new HashSet<>(mapped)).isEqualTo(new HashSet<>(engines.stream()
                .filter(java.util.Objects::nonNull).toList()));
    }

    @Test
    void theUsersGroupsWithGrantsAreAskedAboutThoseGroupsOnlyAndAreTheEnginesIntersection() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        List<String> withGrants = jdbc.sql("SELECT distinct(GROUP_ID_) FROM ACT_RU_AUTHORIZATION"
                + " WHERE GROUP_ID_ IS NOT NULL ORDER BY 1").query(String.class).list();
        assertThat(withGrants).hasSizeGreaterThan(3);
        java.util.List<String> asked = new java.util.ArrayList<>(withGrants.subList(0, 3));
        asked.add("no-grant-group-" + java.util.UUID.randomUUID()); // a group of the user without any grant
        asked.add(withGrants.get(0)); // twice

        List<String> filtered = configuration.getCommandExecutorTxRequired().execute(context -> {
            assertThat(context.getAuthorizationManager()).isInstanceOf(AuthorizedGroupsAmongManager.class);
            List<String> first = context.getAuthorizationManager().filterAuthenticatedGroupIds(asked);
            assertThat(context.getAuthorizationManager().filterAuthenticatedGroupIds(asked))
                    .as("the same answer again in the command").containsExactlyInAnyOrderElementsOf(first);
            assertThat(context.getAuthorizationManager().filterAuthenticatedGroupIds(List.of())).isEmpty();
            return first;
        });
        // Camunda's own answer: every group with a grant, intersected with the user's groups
        java.util.Set<String> engines = new HashSet<>(withGrants);
        engines.retainAll(asked);
        assertThat(new HashSet<>(filtered)).isEqualTo(engines).hasSize(3);
        assertThat(filtered).hasSize(3);
    }
}
