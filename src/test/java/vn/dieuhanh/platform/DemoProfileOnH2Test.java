package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The zero-setup default: demo profile on H2, as {@code mvn spring-boot:run} starts it (in memory here). */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:demo-profile-test;DB_CLOSE_DELAY=-1")
class DemoProfileOnH2Test {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    ProcessEngine engine;

    @Test
    void runsOnH2WithEveryMigrationApplied() {
        String product = jdbc.sql("SELECT H2VERSION()")
                .query(String.class).single();
        assertThat(product).startsWith("2.");
        List<String> applied = jdbc.sql("SELECT \"version\" FROM \"dh_schema_history\" WHERE \"success\" "
                + "AND \"version\" <> '0' ORDER BY \"installed_rank\"").query(String.class).list();
        assertThat(applied).startsWith("1", "2");
        List<String> indexes = jdbc.sql("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                + "WHERE INDEX_NAME LIKE 'DH_ACT_%'").query(String.class).list();
        assertThat(indexes).containsExactlyInAnyOrder("DH_ACT_RU_JOB_DUEDATE", "DH_ACT_RU_JOB_LOCK_EXP",
                "DH_ACT_RU_TASK_PARENT", "DH_ACT_RU_TASK_CREATE_TIME");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE active").query(Integer.class).single())
                .isEqualTo(190);
    }

    @Test
    void createsTheDemoAccounts() {
        for (String user : List.of("admin", "analyst", "chair", "vicechair", "office.clerk",
                "phuong-ben-thanh.head", "phuong-ben-thanh.officer", "dac-khu-con-dao.officer", "so-y-te.head")) {
            assertThat(identityService.checkPassword(user, "demo")).as(user).isTrue();
        }
        // every unit has a head and an officer, the 168 local units a justice officer, plus the four city-level
        // accounts and admin
        assertThat(identityService.createUserQuery().count()).isEqualTo(190 * 2 + 168 + 5);
        assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId("admin").count())
                .isEqualTo(1);
        assertThat(identityService.createUserQuery().memberOfGroup("phuong-sai-gon").list())
                .extracting(user -> user.getId())
                .containsExactlyInAnyOrder("phuong-sai-gon.head", "phuong-sai-gon.officer", "phuong-sai-gon.justice");
        assertThat(identityService.createUserQuery().memberOfGroup("role-analyst").userId("analyst").count())
                .isEqualTo(1);
    }

    @Test
    void demoRelaxesOnlyThePasswordPolicy() {
        ProcessEngineConfigurationImpl config =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(config.isEnablePasswordPolicy()).isFalse();
        assertThat(config.isAuthorizationEnabled()).isTrue();
        assertThat(config.isJavaSerializationFormatEnabled()).isFalse();
    }
}
