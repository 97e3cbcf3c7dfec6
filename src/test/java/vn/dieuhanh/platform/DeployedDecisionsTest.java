package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dieuhanh.PostgresIntegrationTest;

/**
 * The one memory of decision results ({@link DeployedDecisions#remembered}, used by the indicator statuses and the KPI
 * criterion scores): one evaluation per deployed version and distinct inputs, bounded (least recently used out), and
 * a newly deployed version evaluates afresh and drops the older version's results.
 */
@PostgresIntegrationTest
class DeployedDecisionsTest {

    final String key = "test-remembered-" + UUID.randomUUID().toString().substring(0, 8);
    final List<String> deployments = new java.util.ArrayList<>();

    @Autowired
    RepositoryService repository;
    @Autowired
    IdentityService identity;

    @AfterEach
    void undeploy() {
        deployments.forEach(id -> repository.deleteDeployment(id, true));
    }

    @Test
    void aResultIsEvaluatedOncePerVersionAndInputsAndANewVersionEvaluatesAfresh() {
        DeployedDecisions decisions = new DeployedDecisions(repository, identity, 100);
        deploy("x * 2");

        assertThat(value(decisions, 21)).isEqualTo(42L);
        assertThat(value(decisions, 21)).isEqualTo(42L);
        assertThat(value(decisions, 5)).isEqualTo(10L);
        assertThat(decisions.evaluations()).as("two distinct inputs").isEqualTo(2);
        assertThat(decisions.rememberedCount()).isEqualTo(2);

        deploy("x * 3"); // an analyst's edit: a new version
        assertThat(value(decisions, 21)).as("the new version, not the remembered result").isEqualTo(63L);
        assertThat(decisions.evaluations()).isEqualTo(3);
        assertThat(decisions.rememberedCount()).as("the old version's results are gone").isEqualTo(1);
        assertThat(value(decisions, 21)).isEqualTo(63L);
        assertThat(decisions.evaluations()).isEqualTo(3);
    }

    @Test
    void theMemoryIsBoundedLeastRecentlyUsedFirst() {
        DeployedDecisions decisions = new DeployedDecisions(repository, identity, 3);
        deploy("x + 1");
        for (int x = 0; x < 3; x++) {
            value(decisions, x);
        }
        value(decisions, 0); // used again: 1 is now the least recently used
        value(decisions, 3); // a fourth: 1 goes
        assertThat(decisions.rememberedCount()).isEqualTo(3);
        long before = decisions.evaluations();
        value(decisions, 0);
        value(decisions, 2);
        value(decisions, 3);
        assertThat(decisions.evaluations()).as("0, 2 and 3 remembered").isEqualTo(before);
        value(decisions, 1);
        assertThat(decisions.evaluations()).as("1 was dropped").isEqualTo(before + 1);
    }

    @Test
    void aDecisionReadFromAFileIsNotRemembered() {
        DeployedDecisions decisions = new DeployedDecisions(repository, identity, 100);
        DmnDecision parsed = DeployedDecisions.parse(key, new java.io.ByteArrayInputStream(
                dmn("x - 1").getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        decisions.remembered(parsed, 1, () -> DeployedDecisions.value(parsed, Map.of("x", 1)));
        decisions.remembered(parsed, 1, () -> DeployedDecisions.value(parsed, Map.of("x", 1)));
        assertThat(decisions.evaluations()).isEqualTo(2);
        assertThat(decisions.rememberedCount()).isZero();
    }

    private Object value(DeployedDecisions decisions, int x) {
        DmnDecision decision = decisions.latest(key);
        Object v = decisions.remembered(decision, x, () -> DeployedDecisions.value(decision, Map.of("x", x)));
        return v instanceof Number n ? n.longValue() : v;
    }

    private void deploy(String expression) {
        deployments.add(repository.createDeployment().name(key)
                .addString(key + ".dmn", dmn(expression)).deploy().getId());
    }

    private String dmn(String expression) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/"
                             xmlns:camunda="http://camunda.org/schema/1.0/dmn"
                             id="Definitions_Test" name="Thử" namespace="https://dieuhanh.vn/dmn">
                  <decision id="%s" name="Thử" camunda:historyTimeToLive="P1D">
                    <variable id="Variable_Result" name="result" typeRef="long"/>
                    <literalExpression id="LiteralExpression_Result">
                      <text>%s</text>
                    </literalExpression>
                  </decision>
                </definitions>
                """.formatted(key, expression).strip();
    }
}
