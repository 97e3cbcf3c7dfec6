package vn.dieuhanh.platform.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Every engine command that checks authorizations for a user with groups first asks which groups have any
 * authorization at all: Camunda's {@code selectAuthorizedGroupIds}, {@code SELECT distinct(GROUP_ID_) FROM
 * ACT_RU_AUTHORIZATION}. PostgreSQL answers a DISTINCT by reading every row (or every entry of the group index),
 * and the table grows with the work: the engine grants each task's assignee and candidates on the task and its
 * history, and the application grants each instance's history to its readers, several rows per assignment that stay
 * with the history (docs/performance.md, "Authorization rows"). On PostgreSQL this plugin maps that statement to the
 * same question asked as a loose index scan ({@code authorized-group-ids.postgres.xml}): one probe of
 * {@code ACT_IDX_AUTH_GROUP_ID} per distinct group (a few hundred: units, divisions, roles), whatever the rows.
 * The groups returned are the same (NULL, the group of user grants, is left out; no user has it). Other databases
 * (H2 in development) keep the engine's statement. No grant is added, removed or widened. Trade-off (measured,
 * docs/performance.md): on a small table (1,500 rows) the probes cost more than the scan (23-25 ms against 4-5 ms
 * under load); at 121,000 rows (20,000 open assignments) they cost less (32-49 ms against 92-97 ms), and only the
 * engine's statement grows further. Since the {@code perf} branch this plugin also installs
 * {@link AuthorizedGroupsAmongManager}, which asks the question about the user's groups only (every database), so the
 * engine no longer runs {@code selectAuthorizedGroupIds} when it checks a user's authorizations; the mapping stays for
 * any other caller of the statement.
 */
@Component
public class AuthorizedGroupIdsQuery extends AbstractProcessEnginePlugin {

    static final String ENGINE_STATEMENT = "selectAuthorizedGroupIds";
    static final String STATEMENT = "dhSelectAuthorizedGroupIdsLooseIndexScan";
    private static final String MAPPER = "vn/dieuhanh/platform/engine/authorized-group-ids.postgres.xml";

    private static final String AMONG_MAPPER = "vn/dieuhanh/platform/engine/authorized-group-ids-among.xml";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        // every database: the per-command question asked about the user's groups only (AuthorizedGroupsAmongManager)
        List<SessionFactory> custom = configuration.getCustomSessionFactories() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomSessionFactories());
        custom.add(new AuthorizedGroupsAmongManager.Factory());
        configuration.setCustomSessionFactories(custom);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        Configuration mybatis = sessions.getSqlSessionFactory().getConfiguration();
        parse(mybatis, AuthorizedGroupsAmongManager.STATEMENT, AMONG_MAPPER);
        if (!"postgres".equals(sessions.getDatabaseType())) {
            return;
        }
        parse(mybatis, STATEMENT, MAPPER);
        // a copy: the engine's map of database-specific statements is shared by every engine of the JVM
        Map<String, String> mappings = sessions.getStatementMappings() == null ? new HashMap<>()
                : new HashMap<>(sessions.getStatementMappings());
        mappings.put(ENGINE_STATEMENT, STATEMENT);
        sessions.setStatementMappings(mappings);
    }

    private static void parse(Configuration mybatis, String statement, String resource) {
        if (mybatis.hasStatement(statement)) {
            return;
        }
        try (InputStream mapper = AuthorizedGroupIdsQuery.class.getClassLoader().getResourceAsStream(resource)) {
            if (mapper == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            new XMLMapperBuilder(mapper, mybatis, resource, mybatis.getSqlFragments()).parse();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
