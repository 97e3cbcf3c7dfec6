package vn.dieuhanh.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;

/** The calendar REST API on the real application: production profile, PostgreSQL, HTTP Basic, Camunda identities. */
@PostgresIntegrationTest
class CalendarApiTest {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = PostgresIntegrationTest.ADMIN_PASSWORD;
    static final String OFFICER = "so-noi-vu.chuyen-vien-lich";
    static final String OFFICER_PASSWORD = "Chuyen-Vien-2026!";
    /** A year without a shipped schedule file, so its schedule is the statutory default until overridden. */
    static final int YEAR = 2027;
    static final String SWAP_2027 = """
            {"reason":"Kiểm thử: hoán đổi thứ Năm 29/4 với thứ Bảy 24/4","entries":[
              {"date":"2027-04-24","kind":"MAKEUP_WORKING_DAY","group":"REUNIFICATION",
               "name":"Làm bù thứ Bảy (hoán đổi với thứ Năm 29/4/2027)","source":"Văn bản thử nghiệm"},
              {"date":"2027-04-29","kind":"COMPENSATORY_DAY_OFF","group":"REUNIFICATION",
               "name":"Nghỉ hoán đổi (làm bù thứ Bảy 24/4/2027)","source":"Văn bản thử nghiệm"},
              {"date":"2027-04-30","kind":"HOLIDAY","group":"REUNIFICATION",
               "name":"Ngày Chiến thắng","source":"Văn bản thử nghiệm"}]}""";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    IdentityService identityService;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void client() {
        http = new HttpClient(port);
    }

    /** Leaves the shared database as it was, even when an assertion failed half-way. */
    @AfterEach
    void restore() throws Exception {
        if ("OVERRIDE".equals(json(http.get("/api/calendar/schedules/" + YEAR, ADMIN, ADMIN_PASSWORD)).path("origin")
                .asText())) {
            http.delete("/api/calendar/schedules/" + YEAR + "?reason=restore-after-test", ADMIN, ADMIN_PASSWORD);
        }
        if (identityService.createUserQuery().userId(OFFICER).count() > 0) {
            identityService.deleteUser(OFFICER);
        }
    }

    @Test
    void needsCredentials() {
        HttpResponse<String> anonymous = http.get("/api/calendar/lunar?date=2026-02-17", null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
    }

    @Test
    void lunarDateOfTet2026() {
        HttpResponse<String> response = http.get("/api/calendar/lunar?date=2026-02-17", ADMIN, ADMIN_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/json"));
        assertThat(response.body()).isEqualTo("{\"day\":1,\"month\":1,\"year\":2026,\"leap\":false}");
    }

    @Test
    void deadlineAcrossTet2026() {
        HttpResponse<String> response = http.get("/api/calendar/deadline?from=2026-02-12T10:00:00%2B07:00&workingDays=3",
                ADMIN, ADMIN_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"deadline\":\"2026-02-24T23:59:59+07:00\"}");
        // Tết 2025: off 25/1 - 2/2, Monday 27/1 swapped with the make-up Saturday 8/2
        assertThat(http.get("/api/calendar/deadline?from=2025-01-23T10:00:00%2B07:00&workingDays=7", ADMIN,
                ADMIN_PASSWORD).body()).isEqualTo("{\"deadline\":\"2025-02-08T23:59:59+07:00\"}");
    }

    @Test
    void badInputIsAProblemDetail() throws Exception {
        HttpResponse<String> response = http.get("/api/calendar/solar?year=2026&month=13&day=1", ADMIN,
                ADMIN_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        JsonNode problem = json(response);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("title").asText()).isEqualTo("Yêu cầu không hợp lệ (Bad Request)");
        assertThat(problem.path("detail").asText()).contains("13");

        HttpResponse<String> negative = http.get("/api/calendar/deadline?from=2026-02-12&workingDays=-1", ADMIN,
                ADMIN_PASSWORD);
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(json(negative).path("detail").asText()).contains("must not be negative");
    }

    @Test
    void onlyAdministratorsChangeSchedulesAndChangesAreUsedAndAudited() throws Exception {
        String schedulePath = "/api/calendar/schedules/" + YEAR;
        assertThat(holidayKind("2027-04-29")).isNull();
        int auditBefore = json(http.get(schedulePath + "/audit", ADMIN, ADMIN_PASSWORD)).size();

        User officer = identityService.newUser(OFFICER);
        officer.setPassword(OFFICER_PASSWORD);
        identityService.saveUser(officer);
        assertThat(http.get("/api/calendar/holidays?year=" + YEAR, OFFICER, OFFICER_PASSWORD).statusCode())
                .as("an ordinary user may read").isEqualTo(200);
        HttpResponse<String> forbidden = http.put(schedulePath, SWAP_2027, OFFICER, OFFICER_PASSWORD);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(json(forbidden).path("status").asInt()).isEqualTo(403);
        assertThat(http.delete(schedulePath + "?reason=x", OFFICER, OFFICER_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.get(schedulePath + "/audit", OFFICER, OFFICER_PASSWORD).statusCode()).isEqualTo(403);
        assertThat(holidayKind("2027-04-29")).as("unchanged by the refused request").isNull();

        HttpResponse<String> replaced = http.put(schedulePath, SWAP_2027, ADMIN, ADMIN_PASSWORD);
        assertThat(replaced.statusCode()).isEqualTo(200);
        JsonNode schedule = json(replaced);
        assertThat(schedule.path("year").asInt()).isEqualTo(YEAR);
        assertThat(schedule.path("origin").asText()).isEqualTo("OVERRIDE");
        assertThat(schedule.path("entries").size()).isEqualTo(3);

        assertThat(holidayKind("2027-04-24")).isEqualTo("MAKEUP_WORKING_DAY");
        assertThat(holidayKind("2027-04-29")).isEqualTo("COMPENSATORY_DAY_OFF");
        assertThat(json(http.get("/api/calendar/working-day?date=2027-04-29", ADMIN, ADMIN_PASSWORD))
                .path("workingDay").asBoolean()).isFalse();

        JsonNode audit = json(http.get(schedulePath + "/audit", ADMIN, ADMIN_PASSWORD));
        assertThat(audit.size()).isEqualTo(auditBefore + 1);
        JsonNode change = audit.get(audit.size() - 1);
        assertThat(change.path("changeKind").asText()).isEqualTo("REPLACED");
        assertThat(change.path("changedBy").asText()).isEqualTo(ADMIN);
        assertThat(change.path("reason").asText()).isEqualTo("Kiểm thử: hoán đổi thứ Năm 29/4 với thứ Bảy 24/4");
        assertThat(change.path("oldEntries").asText()).isEqualTo("[]");
        assertThat(change.path("newEntries").asText()).contains("2027-04-29", "COMPENSATORY_DAY_OFF");

        HttpResponse<String> reverted = http.delete(schedulePath + "?reason=Kh%C3%B4i%20ph%E1%BB%A5c", ADMIN,
                ADMIN_PASSWORD);
        assertThat(reverted.statusCode()).isEqualTo(200);
        assertThat(json(reverted).path("origin").asText()).isEqualTo("STATUTORY_DEFAULT");
        assertThat(holidayKind("2027-04-29")).isNull();
        JsonNode afterRevert = json(http.get(schedulePath + "/audit", ADMIN, ADMIN_PASSWORD));
        assertThat(afterRevert.get(afterRevert.size() - 1).path("changeKind").asText()).isEqualTo("REVERTED");
        assertThat(afterRevert.get(afterRevert.size() - 1).path("reason").asText()).isEqualTo("Khôi phục");
    }

    @Test
    void anInvalidScheduleIsRefusedWithAProblemDetail() throws Exception {
        String makeUpOnAWednesday = """
                {"reason":"x","entries":[{"date":"2027-04-28","kind":"MAKEUP_WORKING_DAY","group":"REUNIFICATION",
                 "name":"Làm bù","source":"Văn bản thử nghiệm"}]}""";
        HttpResponse<String> response = http.put("/api/calendar/schedules/" + YEAR, makeUpOnAWednesday, ADMIN,
                ADMIN_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("detail").asText()).contains("Saturday or Sunday");
        assertThat(json(http.get("/api/calendar/schedules/" + YEAR, ADMIN, ADMIN_PASSWORD)).path("origin").asText())
                .isEqualTo("STATUTORY_DEFAULT");
    }

    /** The kind of a day in GET /api/calendar/holidays, or null when the day is not listed. */
    private String holidayKind(String date) throws Exception {
        int year = LocalDate.parse(date).getYear();
        HttpResponse<String> response = http.get("/api/calendar/holidays?year=" + year, ADMIN, ADMIN_PASSWORD);
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode day : json(response)) {
            if (day.path("date").asText().equals(date)) {
                return day.path("kind").asText();
            }
        }
        return null;
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }
}
