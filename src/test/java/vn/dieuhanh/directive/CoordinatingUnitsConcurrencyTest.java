package vn.dieuhanh.directive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * Twenty coordinating units finish at the same moment (issue 13): the lead unit's head accepts all twenty results from
 * twenty threads released together. Each acceptance ends a called {@code assignment-lifecycle} instance whose
 * completion meets the others on the parent's multi-instance body ({@code nrOfCompletedInstances}); the save point
 * after each inner call activity ({@code camunda:asyncAfter} on the loop characteristics) takes that step out of the
 * officials' requests into exclusive jobs of the directive's instance. Every request must succeed at once (no 500, no
 * 409 to retry), and nothing may be lost: all twenty contributions completed, the directive's coordinating branch
 * finished, no incident, no job left.
 */
@PostgresIntegrationTest
class CoordinatingUnitsConcurrencyTest {

    static final String PASSWORD = "Dong-Thoi-2026!";
    static final String LEADER = "ld.dongthoi";
    static final String LEAD_UNIT = "so-quy-hoach-kien-truc";
    static final String LEAD_HEAD = "so-quy-hoach-kien-truc.giamdoc";
    /** Wards no other test uses, so their heads and assignments are this test's alone. */
    static final List<String> WARDS = List.of("phuong-binh-co", "phuong-binh-duong", "phuong-binh-hung-hoa",
            "phuong-binh-loi-trung", "phuong-binh-phu", "phuong-binh-quoi", "phuong-binh-thoi", "phuong-binh-tien",
            "phuong-binh-trung", "phuong-binh-tri-dong", "phuong-bay-hien", "phuong-ben-cat", "phuong-chanh-hiep",
            "phuong-chanh-hung", "phuong-chanh-phu-hoa", "phuong-cat-lai", "phuong-cau-kieu", "phuong-dien-hong",
            "phuong-di-an", "phuong-hiep-binh");

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @Autowired
    RuntimeService runtimeService;

    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void officials() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Phó Chủ tịch UBND TP", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(LEAD_HEAD, "Giám đốc Sở Quy hoạch - Kiến trúc", null, LEAD_UNIT, null,
                Role.HEAD), PASSWORD);
        for (String ward : WARDS) {
            accounts.register(new Official(head(ward), "Chủ tịch UBND " + ward, null, ward, null, Role.HEAD), PASSWORD);
        }
    }

    @Test
    void twentyCoordinatingResultsAcceptedAtTheSameMoment() throws Exception {
        StringBuilder coordinating = new StringBuilder();
        for (String ward : WARDS) {
            coordinating.append(coordinating.isEmpty() ? "" : ",")
                    .append("{\"unitCode\":\"").append(ward).append("\",\"workingDays\":5}");
        }
        String issuedOn = LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh")).minusDays(1).toString();
        HttpResponse<String> registered = http.post("/api/directives", """
                {"source":"CITY_PEOPLES_COMMITTEE","documentNumber":"2020/UBND-ĐT","issuedOn":"%s",
                 "summary":"Về rà soát hạ tầng thoát nước mùa mưa","urgency":"URGENT",
                 "assignment":{"leadUnit":"%s","deadlineWorkingDays":10,"coordinating":[%s]}}"""
                .formatted(issuedOn, LEAD_UNIT, coordinating), LEADER, PASSWORD);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode directive = HttpClient.json(registered.body());
        String directiveId = directive.get("directiveId").asText();
        String directiveInstance = directive.get("processInstanceId").asText();
        List<String> ids = new ArrayList<>();
        directive.get("coordinatingAssignmentIds").forEach(id -> ids.add(id.asText()));
        assertThat(ids).hasSize(WARDS.size());

        // every ward's head reports its contribution (each waits at its own head first)
        List<String> wardOf = new ArrayList<>();
        for (String id : ids) {
            JsonNode view = await().atMost(Duration.ofSeconds(120)).until(
                    () -> http.getJson("/api/assignments/" + id, LEAD_HEAD, PASSWORD),
                    node -> node.get("openTasks").size() == 1);
            String ward = view.get("assignment").get("unitCode").asText();
            wardOf.add(ward);
            HttpResponse<String> reported = http.post("/api/assignments/" + id + "/report",
                    "{\"result\":\"Đã rà soát hạ tầng thoát nước của phường\"}", head(ward), PASSWORD);
            assertThat(reported.statusCode()).as(ward + ": " + reported.body()).isEqualTo(204);
        }
        assertThat(wardOf).containsExactlyInAnyOrderElementsOf(WARDS);
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).until(
                    () -> http.getJson("/api/assignments/" + id, LEAD_HEAD, PASSWORD).get("openTasks")
                            .findValuesAsText("taskDefinitionKey"), keys -> keys.contains("Task_ReviewResult"));
        }

        // the lead unit's head accepts all twenty at the same moment
        CyclicBarrier start = new CyclicBarrier(ids.size());
        ExecutorService threads = Executors.newFixedThreadPool(ids.size());
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try {
            for (String id : ids) {
                answers.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return http.post("/api/assignments/" + id + "/review", "{\"accepted\":true}", LEAD_HEAD,
                            PASSWORD);
                }));
            }
            List<String> failures = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(120, TimeUnit.SECONDS);
                if (response.statusCode() != 204) {
                    failures.add(response.statusCode() + " " + response.body());
                }
            }
            assertThat(failures).as("acceptances that did not succeed at once").isEmpty();
        } finally {
            threads.shutdownNow();
        }

        // nothing lost: twenty contributions completed, the coordinating branch of the directive finished
        JsonNode total = http.getJson("/api/assignments/summary?directive=" + directiveId, LEADER, PASSWORD)
                .get("total");
        assertThat(total.get("COMPLETED_ON_TIME").asLong()).isEqualTo(WARDS.size());
        assertThat(total.get("OPEN_WITHIN_DEADLINE").asLong()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(120)).until(() -> historyService.createHistoricActivityInstanceQuery()
                .processInstanceId(directiveInstance).activityId("CallActivity_CoordinatingAssignments#multiInstanceBody")
                .finished().count() == 1);
        // the coordinating branch (and the informing one, nobody to inform) wait at the join for the lead unit: the
        // directive closes when all its work is done
        assertThat(runtimeService.getActivityInstance(directiveInstance).getActivityInstances("Gateway_AllWorkDone"))
                .hasSize(2);
        assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(directiveInstance)
                .activityId("CallActivity_CoordinatingAssignments").finished().count()).isEqualTo(WARDS.size());
        assertThat(managementService.createJobQuery().processInstanceId(directiveInstance).count()).isZero();
        assertThat(runtimeService.createIncidentQuery().processInstanceId(directiveInstance).count()).isZero();
        var children = historyService.createHistoricProcessInstanceQuery().superProcessInstanceId(directiveInstance)
                .list();
        assertThat(children).hasSize(WARDS.size() + 1);
        assertThat(children).filteredOn(child -> child.getEndTime() != null).hasSize(WARDS.size());
        for (var child : children) {
            assertThat(runtimeService.createIncidentQuery().processInstanceId(child.getId()).count()).isZero();
        }
        // the directive goes on with its lead unit, still open at its head
        JsonNode lead = http.getJson("/api/assignments/" + directive.get("leadAssignmentId").asText(), LEAD_HEAD,
                PASSWORD);
        assertThat(lead.get("openTasks").size()).isEqualTo(1);
        assertThat(lead.get("contributions").findValuesAsText("bucket")).hasSize(WARDS.size())
                .containsOnly("COMPLETED_ON_TIME");
    }

    private static String head(String ward) {
        return ward + ".chutich";
    }
}
