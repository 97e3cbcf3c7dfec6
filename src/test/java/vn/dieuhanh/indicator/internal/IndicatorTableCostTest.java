package vn.dieuhanh.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.StatementCounter;
import vn.dieuhanh.indicator.ReportingPeriod;

/**
 * What a city table ({@code GET /api/indicators/table}) costs, counted, not timed (issue 15): the statements the
 * driver sends, and the evaluations of the status table (DMN), which were the cost of the slowest read of the
 * benchmark (Camunda's FEEL engine parses the table's expressions at every evaluation). A table viewed again with
 * the same figures evaluates nothing and gives the same rows.
 */
@PostgresIntegrationTest
class IndicatorTableCostTest {

    @Autowired
    IndicatorTables tables;
    @Autowired
    IndicatorStatusRules rules;

    @Test
    void aTableViewedAgainEvaluatesNoRuleAndCostsAFixedNumberOfStatements() {
        ReportingPeriod december = ReportingPeriod.parse("2044-12"); // the longest year to date: 12 months, 4 quarters
        IndicatorTables.CityTable first = tables.cityTable(december, Optional.empty());
        assertThat(first.rows()).isNotEmpty();

        long evaluations = rules.evaluations();
        IndicatorTables.CityTable again;
        int statements;
        try (StatementCounter counter = StatementCounter.onThisThread()) {
            again = tables.cityTable(december, Optional.empty());
            statements = counter.count();
        }
        assertThat(again).isEqualTo(first);
        assertThat(rules.evaluations() - evaluations).as("DMN evaluations of a table viewed again").isZero();
        // a handful per period of the year to date (17 periods), none per indicator or per unit: 24 measured
        assertThat(statements).as("statements of a city table without reports").isBetween(1, 30);
        System.out.println("indicator city table " + december.label() + ": " + first.rows().size() + " rows, "
                + statements + " statements, " + (rules.evaluations() - evaluations) + " evaluations when viewed again");
    }
}
