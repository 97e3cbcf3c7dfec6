package vn.dieuhanh.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.indicator.internal.reporting.CampaignScheduler;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/** An administrator edits the reporting schedule at run time; the Quartz trigger in the shared store follows. */
@PostgresIntegrationTest
class IndicatorScheduleApiTest {

    static final String ADMIN = "admin";
    static final String PASSWORD = PostgresIntegrationTest.ADMIN_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    Scheduler scheduler;
    @Autowired
    OfficialAccounts accounts;

    @AfterEach
    void restoreTheShippedSchedule() {
        new HttpClient(port).put("/api/indicator-schedules/QUARTERLY",
                "{\"openCron\":\"0 0 7 1 1,4,7,10 ?\",\"dueWorkingDays\":10,\"enabled\":true}", ADMIN, PASSWORD);
    }

    @Test
    void anAdministratorReschedulesTheTriggerAndOthersMayNot() throws Exception {
        HttpClient http = new HttpClient(port);
        JsonNode shipped = http.getJson("/api/indicator-schedules/QUARTERLY", ADMIN, PASSWORD);
        assertThat(shipped.get("openCron").asText()).isEqualTo("0 0 7 1 1,4,7,10 ?");
        assertThat(shipped.get("nextFireAt").asText()).isNotEmpty();

        HttpResponse<String> changed = http.put("/api/indicator-schedules/quarterly",
                "{\"openCron\":\"0 30 8 5 1,4,7,10 ?\",\"dueWorkingDays\":12}", ADMIN, PASSWORD);
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode view = HttpClient.json(changed.body());
        assertThat(view.get("dueWorkingDays").asInt()).isEqualTo(12);
        assertThat(view.get("updatedBy").asText()).isEqualTo(ADMIN);
        CronTrigger trigger = (CronTrigger) scheduler.getTrigger(CampaignScheduler.triggerKey("QUARTERLY"));
        assertThat(trigger.getCronExpression()).isEqualTo("0 30 8 5 1,4,7,10 ?");
        assertThat(trigger.getTimeZone().getID()).isEqualTo("Asia/Ho_Chi_Minh");
        assertThat(http.getJson("/api/indicator-schedules/QUARTERLY", ADMIN, PASSWORD).get("openCron").asText())
                .isEqualTo("0 30 8 5 1,4,7,10 ?");

        HttpResponse<String> disabled = http.put("/api/indicator-schedules/QUARTERLY", "{\"enabled\":false}", ADMIN,
                PASSWORD);
        assertThat(disabled.statusCode()).isEqualTo(200);
        assertThat(scheduler.checkExists(CampaignScheduler.triggerKey("QUARTERLY"))).isFalse();
        assertThat(HttpClient.json(disabled.body()).has("nextFireAt")).isFalse();

        HttpResponse<String> invalid = http.put("/api/indicator-schedules/QUARTERLY", "{\"openCron\":\"mỗi quý\"}",
                ADMIN, PASSWORD);
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("cron");
        assertThat(http.put("/api/indicator-schedules/WEEKLY", "{}", ADMIN, PASSWORD).statusCode()).isEqualTo(400);

        // officials are not administrators
        accounts.register(new Official("lich.so-ngoai-vu.head", "Giám đốc Sở Ngoại vụ", null, "so-ngoai-vu", null,
                Role.HEAD), "Lich-Bao-Cao-2030!");
        HttpResponse<String> byHead = http.put("/api/indicator-schedules/QUARTERLY", "{\"enabled\":true}",
                "lich.so-ngoai-vu.head", "Lich-Bao-Cao-2030!");
        assertThat(byHead.statusCode()).as(byHead.body()).isEqualTo(403);
        assertThat(http.post("/api/indicator-campaigns", "{\"period\":\"2033-01\"}", "lich.so-ngoai-vu.head",
                "Lich-Bao-Cao-2030!").statusCode()).isEqualTo(403);
        assertThat(http.get("/api/indicator-campaigns", "lich.so-ngoai-vu.head", "Lich-Bao-Cao-2030!").statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/indicator-schedules/QUARTERLY", null, null).statusCode()).isEqualTo(401);
    }
}
