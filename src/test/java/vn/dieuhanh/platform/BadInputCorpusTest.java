package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.DECISION_DELEGATE;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.DECISION_REPORT;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.VAR_DELEGATE_TO;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.VAR_HANDLING_DECISION;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * The bad-input corpus of issue 12 ("every user error is a 4xx with a Vietnamese-first message, never a 500"), on
 * PostgreSQL through the real HTTP server: every POST/PUT of {@code /api} with oversized text, control characters,
 * wrong types, fractional numbers, out-of-range dates, bad limits, unknown fields and malformed JSON; and the engine's
 * doors (engine REST, Tasklist's engine API) with refusals raised inside delegates and task listeners, a weak
 * password, hostile deployments and deleting another ward's task. Each answer is a 4xx whose message starts in
 * Vietnamese, nothing carrying the corpus's marker is stored, and no user error is logged at ERROR.
 */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class BadInputCorpusTest {

    static final String PASSWORD = "Dau-Vao-Xau-2026!";
    static final String LEADER = "bi.leader";
    static final String HEAD = "bi.head";
    static final String OTHER_WARD = "bi.other";
    static final String ADMIN = "admin";
    /** Every text of the corpus carries it, so that "nothing stored" is one query per table. */
    static final String MARK = "BADINPUT";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identityService;
    @Autowired
    RepositoryService repositoryService;
    @LocalServerPort
    int port;
    HttpClient http;

    record Case(String method, String path, String user, String body, int status) {
        @Override
        public String toString() {
            return method + " " + path + " as " + user + " " + (body == null ? ""
                    : body.length() > 120 ? body.substring(0, 120) + "..." : body);
        }
    }

    @BeforeEach
    void officials() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Lãnh đạo kiểm thử", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch phường An Đông", null, "phuong-an-dong", null, Role.HEAD),
                PASSWORD);
        accounts.register(new Official(OTHER_WARD, "Công chức phường Gò Vấp", null, "phuong-go-vap", null,
                Role.OFFICER), PASSWORD);
    }

    @Test
    void everyBadRequestToTheApiIsA4xxWithAVietnameseMessageAndStoresNothing(CapturedOutput output) {
        String longTitle = MARK + "x".repeat(10_000);
        String valid = "\"unitCode\":\"phuong-an-dong\",\"title\":\"" + MARK + " hợp lệ\"";
        List<Case> cases = new ArrayList<>();
        // instant assignment: numbers, dates, text, types, shape
        for (String bad : List.of("\"deadlineWorkingDays\":2147483647", "\"deadlineWorkingDays\":2.5",
                "\"deadlineWorkingDays\":0", "\"deadlineWorkingDays\":-3", "\"deadlineWorkingDays\":\"ba\"",
                "\"deadlineWorkingDays\":1e10", "\"deadlineDate\":\"0001-01-01\"", "\"deadlineDate\":\"9999-12-31\"",
                "\"deadlineDate\":\"2101-06-01\"", "\"deadlineDate\":\"2026-02-30\"", "\"deadlineDate\":\"hôm nay\"",
                "\"deadlineDate\":\"2020-01-01\"", "\"deadlineWorkingDays\":3,\"deadlineDate\":\"2099-01-01\"",
                "\"deadlineWorkingDays\":3,\"unknownField\":1", "\"deadlineWorkingDays\":3,\"urgency\":\"rất gấp\"",
                "\"deadlineWorkingDays\":3,\"assignee\":\"" + "a".repeat(200) + "\"",
                "\"deadlineWorkingDays\":3,\"description\":\"" + "m".repeat(4001) + "\"",
                "\"deadlineWorkingDays\":3,\"description\":\"" + MARK + "\\u0000\"")) {
            cases.add(new Case("POST", "/api/assignments", LEADER, "{" + valid + "," + bad + "}", 400));
        }
        for (String title : List.of(longTitle, MARK + "\\u0000", MARK + "\\u0007", MARK + "\\u001b[31m",
                MARK + "\\nhai dòng", MARK + "\\u202Eabc")) {
            cases.add(new Case("POST", "/api/assignments", LEADER, "{\"unitCode\":\"phuong-an-dong\",\"title\":\""
                    + title + "\",\"deadlineWorkingDays\":3}", 400));
        }
        cases.add(new Case("POST", "/api/assignments", LEADER, "{\"unitCode\":\"khong-co-don-vi\",\"title\":\""
                + MARK + "\",\"deadlineWorkingDays\":3}", 400));
        cases.add(new Case("POST", "/api/assignments", LEADER, "{\"unitCode\":\"phuong-an-dong\",\"title\":", 400));
        cases.add(new Case("POST", "/api/assignments", LEADER, "", 400));
        cases.add(new Case("POST", "/api/assignments", LEADER, "[1,2]", 400));
        cases.add(new Case("POST", "/api/assignments", LEADER, "{" + valid + ",\"deadlineWorkingDays\":3} {}", 400));
        for (String limit : List.of("-1", "0", "100000", "abc", "2147483648")) {
            cases.add(new Case("GET", "/api/assignments?limit=" + limit, LEADER, null, 400));
        }
        cases.add(new Case("GET", "/api/assignments?bucket=NOPE", LEADER, null, 400));
        cases.add(new Case("GET", "/api/assignments/summary?by=nope", LEADER, null, 400));
        // actions on an assignment: bodies are checked before anything is looked up
        String id = "/api/assignments/00000000-0000-0000-0000-000000000000";
        cases.add(new Case("POST", id + "/delegate", HEAD, "{\"to\":\"a\\u0007\",\"note\":\"" + MARK + "\"}", 400));
        cases.add(new Case("POST", id + "/report", HEAD, "{\"result\":\"" + longTitle + "\"}", 400));
        cases.add(new Case("POST", id + "/report", HEAD, "{\"result\":\"" + MARK + "\\u0000\"}", 400));
        cases.add(new Case("POST", id + "/report", HEAD, "{\"result\":\"" + MARK + "\",\"extra\":true}", 400));
        cases.add(new Case("POST", id + "/extension-requests", HEAD,
                "{\"proposedDeadline\":\"9999-12-31\",\"reason\":\"" + MARK + "\"}", 400));
        cases.add(new Case("POST", id + "/review", LEADER, "{\"accepted\":\"có\"}", 400));
        cases.add(new Case("POST", id + "/extension-decision", LEADER, "{\"accepted\":1.5}", 400));
        cases.add(new Case("POST", id + "/cancel", LEADER, "{\"reason\":\"" + MARK + "\\u001b\"}", 400));
        cases.add(new Case("POST", id + "/messages", LEADER, "{\"text\":\"" + "t".repeat(4001) + "\"}", 400));
        cases.add(new Case("POST", id + "/messages", LEADER, "{\"text\":\"" + MARK + "\\u0000\"}", 400));
        cases.add(new Case("POST", id + "/nudge", LEADER, "{\"note\":\"" + MARK + "\\u0007\"}", 400));
        cases.add(new Case("POST", id + "/report", HEAD, "{\"result\":\"" + MARK + "\"}", 404));
        // directives
        String directive = "\"source\":\"CITY_PC\",\"documentNumber\":\"" + MARK + "/UBND\",\"issuedOn\":\"2026-01-05\","
                + "\"summary\":\"" + MARK + " trích yếu\",\"urgency\":\"NORMAL\"";
        for (String bad : List.of("\"summary\":\"" + longTitle + "\"", "\"documentNumber\":\"" + MARK + "\\u0000\"",
                "\"issuedOn\":\"0001-01-01\"", "\"receivedOn\":\"2101-06-01\"", "\"attachmentRef\":\"" + "r".repeat(1001)
                        + "\"", "\"nope\":1",
                "\"assignment\":{\"leadUnit\":\"phuong-an-dong\",\"deadlineWorkingDays\":2147483647}",
                "\"assignment\":{\"leadUnit\":\"phuong-an-dong\",\"deadlineWorkingDays\":2.5}",
                "\"assignment\":{\"leadUnit\":\"phuong-an-dong\",\"deadlineDate\":\"9999-12-31\"}",
                "\"assignment\":{\"leadUnit\":\"phuong-an-dong\",\"deadlineWorkingDays\":5,\"coordinating\":"
                        + "[{\"unitCode\":\"phuong-sai-gon\",\"workingDays\":-1}]}",
                "\"assignment\":{\"leadUnit\":\"phuong-an-dong\",\"deadlineWorkingDays\":5,\"informedUnits\":"
                        + "[\"a\\u0000\"]}")) {
            cases.add(new Case("POST", "/api/directives", LEADER, "{" + directive + "," + bad + "}", 400));
        }
        // indicators, reports, schedules, KPI waivers, calendar, units
        cases.add(new Case("POST", "/api/indicator-campaigns", ADMIN, "{\"period\":\"" + MARK + "-2026-03\"}", 400));
        cases.add(new Case("POST", "/api/indicator-campaigns", ADMIN, "{\"period\":\"2026-03\",\"force\":true}", 400));
        cases.add(new Case("PUT", "/api/indicator-schedules/MONTHLY", ADMIN, "{\"dueWorkingDays\":2.5}", 400));
        cases.add(new Case("PUT", "/api/indicator-schedules/MONTHLY", ADMIN, "{\"dueWorkingDays\":61}", 400));
        cases.add(new Case("PUT", "/api/indicator-schedules/MONTHLY", ADMIN,
                "{\"openCron\":\"0 0 7 1 * ?\\n0 0 8 1 * ?\"}", 400));
        cases.add(new Case("PUT", "/api/indicator-schedules/WEEKLY", ADMIN, "{\"dueWorkingDays\":5}", 400));
        cases.add(new Case("PUT", "/api/indicator-reports/x/draft", HEAD, "{\"values\":{\"KT01\":1e30}}", 400));
        cases.add(new Case("PUT", "/api/indicator-reports/x/draft", HEAD,
                "{\"values\":{\"KT01\":1},\"notes\":{\"KT01\":\"" + MARK + "\\u001b\"}}", 400));
        cases.add(new Case("POST", "/api/indicator-reports/x/submit", HEAD, "{\"values\":{\"KT01\":\"nhiều\"}}", 400));
        cases.add(new Case("POST", "/api/indicator-reports/x/decision", HEAD, "{\"approve\":true,\"reason\":\""
                + "r".repeat(2001) + "\"}", 400));
        cases.add(new Case("POST", "/api/indicators/KT01/explanation-requests", LEADER, "{\"unitCode\":\"phuong-an-dong\","
                + "\"question\":\"" + MARK + "\",\"workingDays\":99999}", 400));
        cases.add(new Case("POST", "/api/indicators/KT01/explanation-requests", LEADER, "{\"unitCode\":\"phuong-an-dong\","
                + "\"question\":\"" + MARK + "\\u0000\",\"workingDays\":5}", 400));
        cases.add(new Case("POST", "/api/kpi/waivers", LEADER, "{\"ledgerId\":1.5,\"reason\":\"" + MARK + "\"}", 400));
        cases.add(new Case("POST", "/api/kpi/waivers", LEADER, "{\"ledgerId\":1,\"reason\":\"" + "r".repeat(2001)
                + "\"}", 400));
        cases.add(new Case("PUT", "/api/calendar/schedules/2099", ADMIN, "{\"reason\":\"" + MARK + "\\u0000\","
                + "\"entries\":[]}", 400));
        cases.add(new Case("PUT", "/api/calendar/schedules/2099", ADMIN, "{\"reason\":\"" + MARK + "\",\"entries\":"
                + "[{\"date\":\"2099-01-01\",\"kind\":\"HOLIDAY\",\"group\":\"NEW_YEAR\",\"name\":\"a\\u0007\","
                + "\"source\":\"x\"}]}", 400));
        cases.add(new Case("DELETE", "/api/calendar/schedules/2099?reason=" + MARK + "%07", ADMIN, null, 400));
        cases.add(new Case("GET", "/api/calendar/deadline?from=2026-02-12T10:00:00%2B07:00&workingDays=2.5", ADMIN,
                null, 400));
        cases.add(new Case("GET", "/api/calendar/lunar?date=0001-01-01", ADMIN, null, 400));
        cases.add(new Case("GET", "/api/calendar/holidays", ADMIN, null, 400));
        cases.add(new Case("GET", "/api/units?kind=galaxy", LEADER, null, 400));
        cases.add(new Case("GET", "/api/units/khong-co", LEADER, null, 404));

        SoftAssertions softly = new SoftAssertions();
        for (Case c : cases) {
            HttpResponse<String> response = http.send(c.method(), c.path(), c.body() == null ? null
                            : "application/json", c.body() == null ? null : c.body().getBytes(StandardCharsets.UTF_8),
                    c.user(), c.user().equals(ADMIN) ? PostgresIntegrationTest.ADMIN_PASSWORD : PASSWORD, Map.of());
            softly.assertThat(response.statusCode()).as("%s -> %s", c, response.body()).isEqualTo(c.status());
            softly.assertThat(response.headers().firstValue("Content-Type").orElse(""))
                    .as("%s content type", c).startsWith("application/problem+json");
            String detail = response.body().isEmpty() ? "" : HttpClient.json(response.body()).path("detail").asText();
            softly.assertThat(startsVietnamese(detail)).as("%s detail Vietnamese first: %s", c, detail).isTrue();
        }
        softly.assertAll();

        assertNothingStored();
        assertNoUserErrorLoggedAtError(output);
    }

    @Test
    void engineDoorsAnswerUserErrorsWith4xxAndVietnameseMessages(CapturedOutput output) throws Exception {
        String start = "/engine-rest/process-definition/key/instant-assignment/start";
        // refusals raised by the start's delegates (in the caller's transaction)
        for (String variables : List.of(
                "\"unitCode\":{\"value\":\"khong-co-don-vi\"},\"deadlineWorkingDays\":{\"value\":3,\"type\":\"Integer\"}",
                "\"unitCode\":{\"value\":\"phuong-an-dong\"},\"deadlineWorkingDays\":{\"value\":2147483647,"
                        + "\"type\":\"Integer\"}",
                "\"unitCode\":{\"value\":\"phuong-an-dong\"},\"deadlineWorkingDays\":{\"value\":2.5,\"type\":\"Double\"}",
                "\"unitCode\":{\"value\":\"phuong-an-dong\"},\"deadlineDate\":{\"value\":\"0001-01-01\"}",
                "\"unitCode\":{\"value\":\"phuong-an-dong\"},\"deadlineDate\":{\"value\":\"9999-12-31\"}")) {
            HttpResponse<String> response = http.post(start, "{\"variables\":{\"title\":{\"value\":\"" + MARK
                    + "\"}," + variables + "}}", LEADER, PASSWORD);
            assertEngineUserError(response, 400, variables);
        }

        // refusals raised by the lifecycle's task listeners and delegates on complete: engine REST and Tasklist
        HttpResponse<String> created = http.post("/api/assignments", "{\"unitCode\":\"phuong-an-dong\",\"title\":\""
                + "Kiểm tra cửa vào\",\"deadlineWorkingDays\":5}", LEADER, PASSWORD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String assignmentId = HttpClient.json(created.body()).get("assignmentId").asText();
        String taskId = awaitHandleTask(assignmentId);
        String complete = "/task/" + taskId + "/complete";
        String outside = "{\"variables\":{\"" + VAR_HANDLING_DECISION + "\":{\"value\":\"" + DECISION_DELEGATE
                + "\"},\"" + VAR_DELEGATE_TO + "\":{\"value\":\"" + OTHER_WARD + "\"}}}";
        String noResult = "{\"variables\":{\"" + VAR_HANDLING_DECISION + "\":{\"value\":\"" + DECISION_REPORT
                + "\"}}}";
        assertEngineUserError(http.post("/engine-rest" + complete, outside, HEAD, PASSWORD), 400, "delegate outside");
        assertEngineUserError(http.post("/engine-rest" + complete, noResult, HEAD, PASSWORD), 400, "no result");
        Map<String, String> tasklist = tasklistSession(HEAD);
        assertEngineUserError(http.send("POST", "/camunda/api/engine/engine/default" + complete, "application/json",
                outside.getBytes(StandardCharsets.UTF_8), null, null, tasklist), 400, "Tasklist: delegate outside");
        assertEngineUserError(http.send("POST", "/camunda/api/engine/engine/default" + complete, "application/json",
                noResult.getBytes(StandardCharsets.UTF_8), null, null, tasklist), 400, "Tasklist: no result");
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).as("the step is still open")
                .isNotNull();

        // another ward's task and a task that does not exist look the same; the holder may not delete it either
        HttpResponse<String> foreign = http.delete("/engine-rest/task/" + taskId, OTHER_WARD, PASSWORD);
        HttpResponse<String> missing = http.delete("/engine-rest/task/khong-co-viec-nay", OTHER_WARD, PASSWORD);
        assertEngineUserError(foreign, 404, "delete another ward's task");
        assertEngineUserError(missing, 404, "delete a missing task");
        assertThat(HttpClient.json(foreign.body()).get("message").asText().replace(taskId, "?"))
                .isEqualTo(HttpClient.json(missing.body()).get("message").asText().replace("khong-co-viec-nay", "?"));
        assertEngineUserError(http.delete("/engine-rest/task/" + taskId, HEAD, PASSWORD), 400, "delete own task");
        assertThat(taskService.createTaskQuery().taskId(taskId).singleResult()).isNotNull();

        // a weak password is a 400, and no user is created
        HttpResponse<String> weak = http.post("/engine-rest/user/create", "{\"profile\":{\"id\":\"bi-weak\","
                + "\"firstName\":\"Yếu\",\"lastName\":\"Mật khẩu\"},\"credentials\":{\"password\":\"abc\"}}",
                ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD);
        assertEngineUserError(weak, 400, "weak password");
        assertThat(identityService.createUserQuery().userId("bi-weak").count()).isZero();

        // hostile or broken models are refused with a 400 and deploy nothing
        String bpmn = "<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" targetNamespace=\"x\">"
                + "<process id=\"bi_process\" isExecutable=\"true\" name=\"&e;\"/></definitions>";
        Map<String, String> models = Map.of(
                "xxe", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + bpmn,
                "laughs", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;"
                        + "&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY e \"&c;&c;&c;&c;&c;"
                        + "&c;&c;&c;&c;&c;\">]>" + bpmn,
                "garbage", "đây không phải XML <<< " + MARK);
        for (Map.Entry<String, String> model : models.entrySet()) {
            String name = MARK + "-" + model.getKey();
            assertEngineUserError(deploy(name, model.getValue()), 400, "deployment " + model.getKey());
            assertThat(repositoryService.createDeploymentQuery().deploymentName(name).count()).isZero();
        }

        assertNothingStored();
        assertNoUserErrorLoggedAtError(output);
    }

    private void assertEngineUserError(HttpResponse<String> response, int status, String what) {
        assertThat(response.statusCode()).as("%s -> %s", what, response.body()).isEqualTo(status);
        JsonNode body = HttpClient.json(response.body());
        assertThat(startsVietnamese(body.path("message").asText()))
                .as("%s message Vietnamese first: %s", what, body).isTrue();
    }

    private HttpResponse<String> deploy(String name, String content) {
        String boundary = "----dieuhanh" + System.nanoTime();
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + name
                + ".bpmn\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n--" + boundary + "--\r\n";
        return http.send("POST", "/engine-rest/deployment/create", "multipart/form-data; boundary=" + boundary,
                body.getBytes(StandardCharsets.UTF_8), ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD, Map.of());
    }

    /** Cookies and CSRF header of a Tasklist session, as the browser sends them to the engine API. */
    private Map<String, String> tasklistSession(String user) {
        HttpResponse<String> login = WebappLogin.login(http, "tasklist", user, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        String session = cookies(login);
        HttpResponse<String> page = http.getWithCookies("/camunda/api/engine/engine/", session);
        String xsrf = page.headers().firstValue("X-XSRF-TOKEN").orElseGet(() -> page.headers().allValues("Set-Cookie")
                .stream().filter(c -> c.startsWith("XSRF-TOKEN=")).map(c -> c.substring(11, c.indexOf(';')))
                .findFirst().orElseThrow());
        return Map.of("Cookie", session + "; XSRF-TOKEN=" + xsrf, "X-XSRF-TOKEN", xsrf);
    }

    private static String cookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .filter(c -> !c.startsWith("XSRF-TOKEN=")).collect(Collectors.joining("; "));
    }

    private String awaitHandleTask(String assignmentId) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode open : http.getJson("/api/assignments/" + assignmentId, LEADER, PASSWORD).get("openTasks")) {
                if (open.get("taskDefinitionKey").asText().equals("Task_HandleAssignment")) {
                    return open.get("taskId").asText();
                }
            }
            return null;
        }, found -> found != null);
    }

    private void assertNothingStored() {
        String like = "%" + MARK + "%";
        Map<String, String> queries = Map.of(
                "assignments", "SELECT COUNT(*) FROM asg_assignment WHERE title LIKE ? OR description LIKE ?",
                "directives", "SELECT COUNT(*) FROM asg_directive WHERE summary LIKE ? OR document_number LIKE ?",
                "trail", "SELECT COUNT(*) FROM asg_trail_event WHERE note LIKE ? OR target LIKE ?",
                "messages", "SELECT COUNT(*) FROM ntf_message WHERE body LIKE ? OR author LIKE ?",
                "campaigns", "SELECT COUNT(*) FROM ind_campaign WHERE period LIKE ? OR opened_by LIKE ?",
                "explanations", "SELECT COUNT(*) FROM ind_explanation_request WHERE question LIKE ? OR unit_code LIKE ?",
                "waivers", "SELECT COUNT(*) FROM kpi_ledger WHERE reason LIKE ? OR rule LIKE ?",
                "calendar", "SELECT COUNT(*) FROM cal_schedule_override WHERE reason LIKE ? OR updated_by LIKE ?",
                "engine variables", "SELECT COUNT(*) FROM act_hi_varinst WHERE text_ LIKE ? OR name_ LIKE ?",
                "deployments", "SELECT COUNT(*) FROM act_re_deployment WHERE name_ LIKE ? OR source_ LIKE ?");
        queries.forEach((what, sql) -> assertThat(jdbc.sql(sql).params(like, like).query(Long.class).single())
                .as("%s stored from the corpus", what).isZero());
    }

    private static void assertNoUserErrorLoggedAtError(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("ENGINE-16004");
        assertThat(output.getAll().lines().filter(line -> line.contains("ERROR"))
                .filter(line -> line.contains(MARK) || line.contains("ProblemDetailsAdvice")
                        || line.contains("EngineRestProblems") || line.contains("vn.dieuhanh.engine.command")))
                .isEmpty();
    }

    /** Vietnamese first: a letter with a Vietnamese diacritic before the first parenthesis. */
    static boolean startsVietnamese(String text) {
        int end = text.indexOf('(') < 0 ? text.length() : text.indexOf('(');
        return text.substring(0, end).chars().anyMatch(c -> c > 127 && Character.isLetter(c));
    }
}
