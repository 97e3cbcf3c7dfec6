package vn.dieuhanh.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.RequestStatements;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * What one create ({@code POST /api/assignments}) and one REST step ({@code POST /api/assignments/{id}/report}) cost
 * in SQL statements (issue 15, docs/performance.md "Cost of a REST step"), counted on the web server's request threads.
 */
@PostgresIntegrationTest
class AssignmentStepCostTest {

    static final String PASSWORD = "Buoc-Xu-Ly-2026!";
    static final String LEADER = "sc.chutich";
    static final String HEAD = "phuong-tan-dinh.chutich";
    static final String OFFICER = "phuong-tan-dinh.canbo";
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-04T14:00:00+07:00");

    /** Measured 61 (was 66: the guard's form look-up took 8); a little room, less than one regression. */
    static final int MAX_CREATE = 63;
    /** The login's three (user, groups, tenants), the guard's look-up, the start. */
    static final int MAX_CREATE_TRANSACTIONS = 5;
    /** Measured 76 (was 88: the guard's form look-up took 12, the step's four transactions 8). */
    static final int MAX_REPORT = 78;
    /** The login's three and the step's one. */
    static final int MAX_REPORT_TRANSACTIONS = 4;

    @Autowired
    OfficialAccounts accounts;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Chủ tịch UBND TP", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch UBND phường Tân Định", null, "phuong-tan-dinh", null,
                Role.HEAD), PASSWORD);
        accounts.register(new Official(OFFICER, "Công chức phường Tân Định", null, "phuong-tan-dinh", null,
                Role.OFFICER), PASSWORD);
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /**
     * Creating an assignment and reporting it cost, on the request thread (BEGIN and COMMIT included; the login's
     * four look-ups too): before issue 15's fixes 66 and 88 statements, of which the engine input guard read the
     * form with twelve per step (the caller's task query, then task, execution, process definition, form definition
     * and form resource, each in its own transaction) and the step ran in four transactions. The bounds fail if that
     * redundancy comes back; what is left is the engine's own work for the command (history, variables,
     * authorizations) and the application's records. Counts, not times: the same on a loaded machine.
     */
    @Test
    void createAndReportCostNoMoreThanTheirWork() {
        // the first of each kind warms the engine's deployment cache and the guard's form references
        String warm = assign();
        awaitOpenTask(warm, "Task_HandleAssignment");
        report(warm);
        try (RequestStatements statements = RequestStatements.onRequestThreads()) {
            String id = assign();
            int create = statements.count();
            long createTransactions = begins(statements);
            System.out.println("create " + statements.histogram());
            assertThat(create).as(statements.histogram()).isLessThanOrEqualTo(MAX_CREATE);
            assertThat(createTransactions).as(statements.histogram()).isLessThanOrEqualTo(MAX_CREATE_TRANSACTIONS);

            awaitOpenTask(id, "Task_HandleAssignment");
            statements.reset();
            report(id);
            int step = statements.count();
            long stepTransactions = begins(statements);
            System.out.println("report " + statements.histogram());
            assertThat(step).as(statements.histogram()).isLessThanOrEqualTo(MAX_REPORT);
            assertThat(stepTransactions).as(statements.histogram()).isLessThanOrEqualTo(MAX_REPORT_TRANSACTIONS);
        }
    }

    private static long begins(RequestStatements statements) {
        return statements.executed().stream().filter("BEGIN"::equalsIgnoreCase).count();
    }

    private String assign() {
        HttpResponse<String> response = http.post("/api/assignments", "{\"unitCode\":\"phuong-tan-dinh\",\"assignee\":\""
                + OFFICER + "\",\"title\":\"Kiểm tra vệ sinh môi trường\",\"deadlineWorkingDays\":5}", LEADER, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return HttpClient.json(response.body()).get("assignmentId").asText();
    }

    private void report(String id) {
        HttpResponse<String> response = http.post("/api/assignments/" + id + "/report",
                "{\"result\":\"Đã kiểm tra 8 khu phố\"}", OFFICER, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(204);
    }

    private void awaitOpenTask(String assignmentId, String taskKey) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode open : http.getJson("/api/assignments/" + assignmentId, LEADER, PASSWORD).get("openTasks")) {
                if (open.get("taskDefinitionKey").asText().equals(taskKey)) {
                    return true;
                }
            }
            return false;
        });
    }
}
