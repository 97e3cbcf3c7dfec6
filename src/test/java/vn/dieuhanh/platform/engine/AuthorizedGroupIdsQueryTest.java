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
}
