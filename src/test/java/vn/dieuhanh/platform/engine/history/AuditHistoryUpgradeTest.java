package vn.dieuhanh.platform.engine.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.junit.jupiter.api.Test;

/**
 * A database created with Camunda's {@code full} (the H2 demo's {@code data/}, a PostgreSQL of an earlier release)
 * starts with the application's level: {@link AuditHistoryPlugin} moves the stored id from full to
 * {@link AuditHistoryLevel#ID} before the engine's check. Without the plugin's upgrade the same database is refused,
 * and a database of a level below full is refused with the plugin too (its history holds less than this level keeps).
 */
class AuditHistoryUpgradeTest {

    @Test
    void aDatabaseCreatedWithFullStartsWithTheApplicationsLevelAndKeepsItsHistory() {
        String db = "upgrade-from-full";
        ProcessEngine full = engine(db, "full", false).buildProcessEngine();
        full.getRepositoryService().createDeployment().addString("p.bpmn", PROCESS).deploy();
        String instance = full.getRuntimeService().startProcessInstanceByKey("p").getId();
        assertThat(storedLevel(full)).isEqualTo("3");
        full.close();

        ProcessEngine upgraded = engine(db, AuditHistoryLevel.NAME, true).buildProcessEngine();
        try {
            assertThat(storedLevel(upgraded)).isEqualTo(Integer.toString(AuditHistoryLevel.ID));
            assertThat(((ProcessEngineConfigurationImpl) upgraded.getProcessEngineConfiguration()).getHistoryLevel())
                    .isInstanceOf(AuditHistoryLevel.class);
            // the history written under full is still there and the instance goes on
            assertThat(upgraded.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
                    .count()).isEqualTo(1);
            upgraded.getTaskService().complete(upgraded.getTaskService().createTaskQuery().processInstanceId(instance)
                    .singleResult().getId());
            assertThat(upgraded.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
                    .finished().count()).isEqualTo(1);
        } finally {
            upgraded.close();
        }

        // started again (the next release, another node): nothing to change, it starts
        ProcessEngine again = engine(db, AuditHistoryLevel.NAME, true).buildProcessEngine();
        assertThat(storedLevel(again)).isEqualTo(Integer.toString(AuditHistoryLevel.ID));
        again.close();
    }

    @Test
    void withoutTheUpgradeTheEngineRefusesADatabaseCreatedWithFull() {
        String db = "no-upgrade";
        engine(db, "full", false).buildProcessEngine().close();
        StandaloneInMemProcessEngineConfiguration levelOnly = engine(db, AuditHistoryLevel.NAME, false);
        levelOnly.setCustomHistoryLevels(List.of(new AuditHistoryLevel()));
        assertThatThrownBy(levelOnly::buildProcessEngine).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("historyLevel mismatch");
    }

    @Test
    void onlyFullIsUpgraded() {
        String db = "upgrade-from-audit";
        engine(db, "audit", false).buildProcessEngine().close();
        assertThatThrownBy(() -> engine(db, AuditHistoryLevel.NAME, true).buildProcessEngine())
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("historyLevel mismatch");
    }

    @Test
    void aNewDatabaseStoresTheApplicationsLevelAndFullStaysAvailable() {
        ProcessEngine fresh = engine("fresh", AuditHistoryLevel.NAME, true).buildProcessEngine();
        assertThat(storedLevel(fresh)).isEqualTo(Integer.toString(AuditHistoryLevel.ID));
        fresh.close();
        // the benchmark's stock variant: the plugin registered, Camunda's full configured, nothing changed
        ProcessEngine stock = engine("stock", "full", true).buildProcessEngine();
        assertThat(storedLevel(stock)).isEqualTo(Integer.toString(HistoryLevel.HISTORY_LEVEL_FULL.getId()));
        stock.close();
    }

    static StandaloneInMemProcessEngineConfiguration engine(String db, String history, boolean plugin) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("history-upgrade-" + db);
        configuration.setJdbcUrl("jdbc:h2:mem:history-upgrade-" + db + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(history);
        if (plugin) {
            configuration.getProcessEnginePlugins().add(new AuditHistoryPlugin());
        }
        return configuration;
    }

    static String storedLevel(ProcessEngine engine) {
        return engine.getManagementService().getProperties().get("historyLevel");
    }

    static final String PROCESS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="test">
              <process id="p" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="s"/>
                <sequenceFlow id="f1" sourceRef="s" targetRef="t"/>
                <userTask id="t"/>
                <sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
                <endEvent id="e"/>
              </process>
            </definitions>
            """;
}
