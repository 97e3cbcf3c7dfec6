package vn.dieuhanh.platform.engine.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.SchemaOperationsCommand;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Registers {@link AuditHistoryLevel} with the engine and upgrades a database created with Camunda's {@code full}.
 *
 * <p>The engine stores its history level's id in {@code ACT_GE_PROPERTY} ({@code historyLevel}) and refuses to start
 * when the configured level's id differs ("historyLevel mismatch"). When the engine is configured with
 * {@link AuditHistoryLevel}, this plugin runs, right after the engine's own schema operations and before that check,
 * in the same command: {@code UPDATE ACT_GE_PROPERTY SET VALUE_ = '30' WHERE NAME_ = 'historyLevel' AND VALUE_ = '3'}.
 * Only from {@code full} (3): a database of any other level still fails the check, as Camunda intends (its history
 * holds less than this level expects). Idempotent and safe when several nodes start at once (the update of the row
 * waits for the other node's and then finds nothing to change). Configured with another level (the benchmark's
 * {@code stock} variant: {@code full}), the plugin only registers the level and changes nothing.
 */
@Component
public class AuditHistoryPlugin extends AbstractProcessEnginePlugin {

    private static final Logger LOG = LoggerFactory.getLogger(AuditHistoryPlugin.class);

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomHistoryLevels());
        if (levels.stream().noneMatch(level -> level.getId() == AuditHistoryLevel.ID)) {
            levels.add(new AuditHistoryLevel());
        }
        configuration.setCustomHistoryLevels(levels);
        configuration.setSchemaOperationsCommand(new UpgradeFromFull(configuration.getSchemaOperationsCommand()));
    }

    /** The engine's schema operations, then the stored level moved from {@code full} to the application's. */
    record UpgradeFromFull(SchemaOperationsCommand schemaOperations) implements SchemaOperationsCommand {

        @Override
        public Void execute(CommandContext commandContext) {
            schemaOperations.execute(commandContext);
            ProcessEngineConfigurationImpl configuration = Context.getProcessEngineConfiguration();
            HistoryLevel configured = configuration.getHistoryLevel();
            if (configured == null || configured.getId() != AuditHistoryLevel.ID) {
                return null;
            }
            String table = configuration.getDatabaseTablePrefix() + "ACT_GE_PROPERTY";
            Connection connection = commandContext.getDbSqlSession().getSqlSession().getConnection();
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table
                    + " SET VALUE_ = ?, REV_ = REV_ + 1 WHERE NAME_ = 'historyLevel' AND VALUE_ = ?")) {
                update.setString(1, Integer.toString(AuditHistoryLevel.ID));
                update.setString(2, Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
                if (update.executeUpdate() > 0) {
                    LOG.info("History level of this database changed from full ({}) to {} ({}): see docs/history.md",
                            HistoryLevel.HISTORY_LEVEL_FULL.getId(), AuditHistoryLevel.NAME, AuditHistoryLevel.ID);
                }
            } catch (SQLException e) {
                throw new ProcessEngineException("Could not move the stored history level from full to "
                        + AuditHistoryLevel.NAME, e);
            }
            return null;
        }
    }
}
