package vn.dieuhanh.calendar.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import vn.dieuhanh.platform.web.ProblemDetailsAdvice;

class CalendarControllerTest {

    private final CalendarModuleFixture module = new CalendarModuleFixture();
    private final IdentityService identityService = mock(IdentityService.class);
    private final MockMvc mvc = MockMvcBuilders
            .standaloneSetup(new CalendarController(module.lunarCalendar, module.workingCalendar,
                    module.administration, identityService))
            .setControllerAdvice(new ProblemDetailsAdvice())
            .build();

    @AfterEach
    void closeDatabase() {
        module.close();
    }

    @Test
    void lunarDate() throws Exception {
        mvc.perform(get("/api/calendar/lunar").param("date", "2026-02-17"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"day\":1,\"month\":1,\"year\":2026,\"leap\":false}", true));
    }

    @Test
    void solarDate() throws Exception {
        mvc.perform(get("/api/calendar/solar?year=2026&month=1&day=1"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"date\":\"2026-02-17\"}", true));
        mvc.perform(get("/api/calendar/solar?year=2025&month=6&day=1&leap=true"))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"date\":\"2025-07-25\"}", true));
    }

    @Test
    void holidaysSortedByDate() throws Exception {
        mvc.perform(get("/api/calendar/holidays?year=2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(12))
                .andExpect(jsonPath("$[0].date").value("2026-01-01"))
                .andExpect(jsonPath("$[0].name").value("Tết Dương lịch"))
                .andExpect(jsonPath("$[0].kind").value("HOLIDAY"))
                .andExpect(jsonPath("$[1].date").value("2026-02-16"))
                .andExpect(jsonPath("$[7].date").value("2026-04-27"))
                .andExpect(jsonPath("$[7].kind").value("COMPENSATORY_DAY_OFF"))
                .andExpect(jsonPath("$[7].name").value("Nghỉ bù Giỗ Tổ Hùng Vương"));
        mvc.perform(get("/api/calendar/holidays?year=2025"))
                .andExpect(jsonPath("$[?(@.date == '2025-04-26')].kind").value("MAKEUP_WORKING_DAY"));
    }

    @Test
    void deadlineAcrossTet2026() throws Exception {
        mvc.perform(get(URI.create("/api/calendar/deadline?from=2026-02-12T10:00:00%2B07:00&workingDays=3")))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"deadline\":\"2026-02-24T23:59:59+07:00\"}", true));
    }

    @Test
    void otherWorkingTimeQueries() throws Exception {
        mvc.perform(get(URI.create("/api/calendar/deadline/hours?from=2026-02-13T15:00:00%2B07:00&duration=PT4H")))
                .andExpect(content().json("{\"deadline\":\"2026-02-23T10:00:00+07:00\"}", true));
        mvc.perform(get("/api/calendar/working-day?date=2025-04-26"))
                .andExpect(content().json("{\"date\":\"2025-04-26\",\"workingDay\":true}", true));
        mvc.perform(get("/api/calendar/working-days?from=2026-02-12T10:00:00Z&to=2026-02-24T10:00:00Z"))
                .andExpect(content().json("{\"workingDays\":3}", true));
    }

    @ParameterizedTest(name = "{0} -> 400 mentioning \"{1}\"")
    @CsvSource(delimiter = '|', value = {
            "/api/calendar/solar?year=2026&month=13&day=1 | between 1 and 12",
            "/api/calendar/solar?year=2025&month=12&day=30 | has only 29 days",
            "/api/calendar/solar?year=2026&month=1&day=1&leap=true | no leap month 1",
            "/api/calendar/solar?year=2101&month=1&day=1 | between 1900 and 2100",
            "/api/calendar/solar?year=2026&month=1 | missing request parameter 'day'",
            "/api/calendar/solar?year=abc&month=1&day=1 | parameter 'year' must be a whole number",
            "/api/calendar/lunar?date=1899-12-31 | between 1900-01-01 and 2100-12-31",
            "/api/calendar/lunar?date=2026-02-30 | must be a date YYYY-MM-DD",
            "/api/calendar/holidays?year=1800 | between 1900 and 2100",
            "/api/calendar/deadline?from=2026-02-12T10:00:00%2B07:00&workingDays=-1 | must not be negative",
            "/api/calendar/deadline?from=yesterday&workingDays=1 | ISO-8601",
            "/api/calendar/deadline?from=2026-02-12T10:00:00%2B07:00&workingDays=three | parameter 'workingDays' must be a whole number",
            "/api/calendar/deadline/hours?from=2026-02-12T10:00:00%2B07:00&duration=4h | ISO-8601 duration"
    })
    void badInputIsA400WithAClearMessage(String url, String message) throws Exception {
        mvc.perform(get(URI.create(url.trim())))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(message.trim())));
    }

    @Test
    void scheduleIsReadableByEveryAuthenticatedUser() throws Exception {
        mvc.perform(get("/api/calendar/schedules/2026"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.year").value(2026))
                .andExpect(jsonPath("$.origin").value("FILE"))
                .andExpect(jsonPath("$.entries.length()").value(5))
                .andExpect(jsonPath("$.entries[0].group").value("TET"))
                .andExpect(jsonPath("$.entries[0].source").isNotEmpty());
    }

    private static final String CHANGE_2027 = """
            {"reason": "Quyết định hoán đổi 2027",
             "entries": [
               {"date": "2027-04-24", "kind": "MAKEUP_WORKING_DAY", "group": "REUNIFICATION",
                "name": "Làm bù", "source": "Thông báo thử"},
               {"date": "2027-04-29", "kind": "COMPENSATORY_DAY_OFF", "group": "REUNIFICATION",
                "name": "Nghỉ hoán đổi", "source": "Thông báo thử"},
               {"date": "2027-04-30", "kind": "HOLIDAY", "group": "REUNIFICATION",
                "name": "Ngày Chiến thắng", "source": "Thông báo thử"}]}
            """;

    @Test
    void nonAdminsCannotChangeSchedules() throws Exception {
        when(identityService.getCurrentAuthentication()).thenReturn(new Authentication("mary", List.of("staff")));
        mvc.perform(put("/api/calendar/schedules/2027").contentType(MediaType.APPLICATION_JSON).content(CHANGE_2027))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/api/calendar/schedules/2026?reason=x")).andExpect(status().isForbidden());
        mvc.perform(get("/api/calendar/schedules/2026/audit")).andExpect(status().isForbidden());
        mvc.perform(get("/api/calendar/working-day?date=2027-04-29"))
                .andExpect(jsonPath("$.workingDay").value(true));
    }

    @Test
    void adminReplacesAYearAndTheChangeIsAuditedAndEffective() throws Exception {
        when(identityService.getCurrentAuthentication())
                .thenReturn(new Authentication("demo", List.of("camunda-admin")));

        mvc.perform(put("/api/calendar/schedules/2027").contentType(MediaType.APPLICATION_JSON).content(CHANGE_2027))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.origin").value("OVERRIDE"))
                .andExpect(jsonPath("$.entries.length()").value(3));
        mvc.perform(get("/api/calendar/working-day?date=2027-04-29"))
                .andExpect(jsonPath("$.workingDay").value(false));
        mvc.perform(get("/api/calendar/holidays?year=2027"))
                .andExpect(jsonPath("$[?(@.date == '2027-04-24')].kind").value("MAKEUP_WORKING_DAY"));
        mvc.perform(get("/api/calendar/schedules/2027/audit"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].changedBy").value("demo"))
                .andExpect(jsonPath("$[0].reason").value("Quyết định hoán đổi 2027"));

        mvc.perform(delete("/api/calendar/schedules/2027?reason=Hủy"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.origin").value("STATUTORY_DEFAULT"));
        mvc.perform(get("/api/calendar/working-day?date=2027-04-29"))
                .andExpect(jsonPath("$.workingDay").value(true));
    }

    @Test
    void invalidScheduleChangesAreA400() throws Exception {
        when(identityService.getCurrentAuthentication())
                .thenReturn(new Authentication("demo", List.of("camunda-admin")));
        mvc.perform(put("/api/calendar/schedules/2027").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\":\"x\",\"entries\":[{\"date\":\"2027-04-30\",\"kind\":\"PARTY\","
                                + "\"group\":\"REUNIFICATION\",\"name\":\"n\",\"source\":\"s\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("'kind' must be one of")));
        mvc.perform(put("/api/calendar/schedules/2027").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest());
        mvc.perform(put("/api/calendar/schedules/2027").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"entries\":[]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("reason")));
    }
}
