package vn.dieuhanh.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.TestMailServer;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/** Inbox, conversations, nudges and the administrators' view of failed deliveries, through REST on PostgreSQL. */
@PostgresIntegrationTest
class NotificationApiTest {

    static final String PASSWORD = "Thong-Bao-2026!";
    static final String LEADER = "ntf.pct";
    static final String HEAD = "phuong-an-hoi-tay.chutich";
    static final String OFFICER = "phuong-an-hoi-tay.canbo";
    static final String OTHER_WARD = "phuong-an-hoi-dong.canbo";
    static final String BROKEN_ADDRESS = "ntf.dia-chi-sai";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Phó Chủ tịch UBND TP Trần Minh", LEADER + "@dieuhanh.test", "ubnd-tp",
                null, Role.LEADER), PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch UBND phường An Hội Tây", HEAD + "@dieuhanh.test",
                "phuong-an-hoi-tay", null, Role.HEAD), PASSWORD);
        accounts.register(new Official(OFFICER, "Công chức phường An Hội Tây", OFFICER + "@dieuhanh.test",
                "phuong-an-hoi-tay", null, Role.OFFICER), PASSWORD);
        accounts.register(new Official(OTHER_WARD, "Công chức phường An Hội Đông", OTHER_WARD + "@dieuhanh.test",
                "phuong-an-hoi-dong", null, Role.OFFICER), PASSWORD);
    }

    @Test
    void conversationIsSeenByTheAssignmentsPeopleOnlyAndNotifiesTheOthers() {
        String id = assign("Rà soát hồ sơ đất đai");
        // the lifecycle has opened and waits at the unit head's handling step
        String handleTask = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode open = get("/api/assignments/" + id, LEADER).get("openTasks");
            return open.size() == 1 ? open.get(0).get("taskId").asText() : null;
        }, taskId -> taskId != null);

        HttpResponse<String> blank = post("/api/assignments/" + id + "/messages", "{\"text\":\"  \"}", OFFICER);
        assertThat(blank.statusCode()).isEqualTo(400);
        assertThat(blank.body()).contains("Nhập nội dung trao đổi");
        assertThat(post("/api/assignments/" + id + "/messages", "{\"text\":\"x\"}", OTHER_WARD).statusCode())
                .isEqualTo(404);
        assertThat(http.get("/api/assignments/" + id + "/messages", OTHER_WARD, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/assignments/khong-co/messages", LEADER, PASSWORD).statusCode()).isEqualTo(404);

        HttpResponse<String> posted = post("/api/assignments/" + id + "/messages",
                "{\"text\":\"Đề nghị Văn phòng cung cấp danh sách hồ sơ tồn đọng\"}", OFFICER);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        long messageId = HttpClient.json(posted.body()).get("id").asLong();

        JsonNode thread = get("/api/assignments/" + id + "/messages", HEAD);
        assertThat(thread.size()).isEqualTo(1);
        assertThat(thread.get(0).get("author").asText()).isEqualTo(OFFICER);
        assertThat(thread.get(0).get("authorName").asText()).isEqualTo("Công chức phường An Hội Tây");
        assertThat(thread.get(0).get("text").asText()).isEqualTo("Đề nghị Văn phòng cung cấp danh sách hồ sơ tồn đọng");
        // the conversation is shown next to the task: the handling form's read-only "conversation" field
        assertThat((String) taskService.getVariable(handleTask, "conversation"))
                .endsWith("Công chức phường An Hội Tây: Đề nghị Văn phòng cung cấp danh sách hồ sơ tồn đọng");

        // the unit head and the assigning leader (also the reviewer) are notified once each; the author is not
        String key = "message:" + messageId;
        JsonNode headItem = awaitInboxItem(HEAD, id, "MESSAGE");
        assertThat(headItem.get("subject").asText())
                .isEqualTo("[Trao đổi] Công chức phường An Hội Tây về nhiệm vụ \"Rà soát hồ sơ đất đai\"");
        assertThat(headItem.get("body").asText()).startsWith("Kính gửi Chủ tịch UBND phường An Hội Tây,")
                .contains("(hạn xử lý: hết ngày ");
        awaitInboxItem(LEADER, id, "MESSAGE");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestMailServer.withKey(key).size() >= 2);
        List<MimeMessage> mails = TestMailServer.withKey(key);
        assertThat(mails).hasSize(2);
        assertThat(mails.stream().map(m -> recipient(m)).toList())
                .containsExactlyInAnyOrder(HEAD + "@dieuhanh.test", LEADER + "@dieuhanh.test");
        assertThat(inbox(OFFICER, false).findValuesAsText("assignmentId")).doesNotContain(id);
    }

    @Test
    void assignerNudgesTheHolderOthersMayNot() throws Exception {
        String id = assign("Báo cáo công tác phòng chống ngập");

        HttpResponse<String> officer = post("/api/assignments/" + id + "/nudge", "{\"note\":\"x\"}", OFFICER);
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(officer.body()).contains("Chỉ người giao việc");
        assertThat(post("/api/assignments/" + id + "/nudge", "{}", OTHER_WARD).statusCode()).isEqualTo(404);

        HttpResponse<String> nudged = post("/api/assignments/" + id + "/nudge",
                "{\"note\":\"Đề nghị báo cáo trước cuộc họp giao ban\"}", LEADER);
        assertThat(nudged.statusCode()).as(nudged.body()).isEqualTo(202);
        assertThat(HttpClient.json(nudged.body()).get("notified").asText()).isEqualTo(HEAD);

        JsonNode trail = get("/api/assignments/" + id, LEADER).get("trail");
        assertThat(trail.findValuesAsText("kind")).containsExactly("ASSIGNED", "NUDGED");
        assertThat(trail.get(1).get("actor").asText()).isEqualTo(LEADER);
        assertThat(trail.get(1).get("note").asText()).isEqualTo("Đề nghị báo cáo trước cuộc họp giao ban");

        JsonNode item = awaitInboxItem(HEAD, id, "NUDGE");
        assertThat(item.get("subject").asText()).startsWith("[Lãnh đạo nhắc việc] Báo cáo công tác phòng chống ngập: "
                + "hạn xử lý hết ngày ");
        assertThat(item.get("body").asText()).contains("Phó Chủ tịch UBND TP Trần Minh nhắc đồng chí")
                .contains("Ý kiến chỉ đạo: \"Đề nghị báo cáo trước cuộc họp giao ban\"");
        assertThat(item.get("read").asBoolean()).isFalse();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(HEAD + "@dieuhanh.test",
                "[Lãnh đạo nhắc việc] Báo cáo công tác phòng chống ngập") == 1);

        // mark read: gone from the unread list; someone else's item is not found
        long itemId = item.get("id").asLong();
        assertThat(http.post("/api/inbox/" + itemId + "/read", "", OFFICER, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.post("/api/inbox/" + itemId + "/read", "", HEAD, PASSWORD).statusCode()).isEqualTo(204);
        assertThat(inbox(HEAD, true).findValuesAsText("id")).doesNotContain(String.valueOf(itemId));
        JsonNode all = inbox(HEAD, false);
        JsonNode again = find(all, itemId);
        assertThat(again.get("read").asBoolean()).isTrue();
        assertThat(again.get("readAt").asText()).isNotEmpty();
        assertThat(http.post("/api/inbox/" + itemId + "/read", "", HEAD, PASSWORD).statusCode()).isEqualTo(204);
    }

    @Test
    void inboxIsNewestFirst() {
        String first = "inbox-order:" + UUID.randomUUID();
        String second = "inbox-order:" + UUID.randomUUID();
        enqueue(first, OFFICER);
        awaitDelivered(first, "INBOX");
        enqueue(second, OFFICER);
        awaitDelivered(second, "INBOX");
        List<String> subjects = inbox(OFFICER, false).findValuesAsText("subject");
        assertThat(subjects.indexOf("[Nhắc việc] " + second + ": hạn xử lý hết ngày 09/03/2026 (thứ Hai)"))
                .isLessThan(subjects.indexOf("[Nhắc việc] " + first + ": hạn xử lý hết ngày 09/03/2026 (thứ Hai)"));
        assertThat(http.get("/api/inbox", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void failedDeliveriesAreShownToAdministratorsWhoRetryThem() {
        accounts.register(new Official(BROKEN_ADDRESS, "Cán bộ địa chỉ sai", "sai dia chi@@", "phuong-an-hoi-tay", null,
                Role.OFFICER), PASSWORD);
        String key = "failing:" + UUID.randomUUID();
        enqueue(key, BROKEN_ADDRESS);
        // the inbox is delivered, the e-mail fails three times (back-off 200 ms, 400 ms) and gives up
        awaitDelivered(key, "INBOX");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(status(key, "EMAIL")));

        assertThat(http.get("/api/admin/notifications/failed", OFFICER, PASSWORD).statusCode()).isEqualTo(403);
        JsonNode failed = find(get("/api/admin/notifications/failed", "admin"), key);
        assertThat(failed.get("channel").asText()).isEqualTo("EMAIL");
        assertThat(failed.get("status").asText()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("recipient").asText()).isEqualTo(BROKEN_ADDRESS);
        assertThat(failed.get("lastError").asText()).contains("Address");

        // the address is corrected in the directory; the administrator retries
        accounts.register(new Official(BROKEN_ADDRESS, "Cán bộ địa chỉ sai", "da-sua@dieuhanh.test", "phuong-an-hoi-tay",
                null, Role.OFFICER), PASSWORD);
        long deliveryId = failed.get("id").asLong();
        assertThat(http.post("/api/admin/notifications/" + deliveryId + "/retry", "", OFFICER, PASSWORD).statusCode())
                .isEqualTo(403);
        HttpResponse<String> retried = http.post("/api/admin/notifications/" + deliveryId + "/retry", "", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);
        awaitDelivered(key, "EMAIL");
        assertThat(TestMailServer.withKey(key)).hasSize(1);
        assertThat(recipient(TestMailServer.withKey(key).get(0))).isEqualTo("da-sua@dieuhanh.test");
        assertThat(http.post("/api/admin/notifications/" + deliveryId + "/retry", "", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD).statusCode()).isEqualTo(409);
        assertThat(http.post("/api/admin/notifications/987654321/retry", "", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD).statusCode()).isEqualTo(404);
    }

    @Test
    void officialWithoutAnAddressGetsTheInboxItemAndTheEmailIsSkipped() {
        accounts.register(new Official("ntf.khong-email", "Cán bộ không có thư điện tử", null, "phuong-an-hoi-tay", null,
                Role.OFFICER), PASSWORD);
        String key = "no-address:" + UUID.randomUUID();
        enqueue(key, "ntf.khong-email");
        awaitDelivered(key, "INBOX");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "SKIPPED".equals(status(key, "EMAIL")));
        assertThat(TestMailServer.withKey(key)).isEmpty();
    }

    private void enqueue(String key, String recipient) {
        transactions.executeWithoutResult(tx -> notifications.enqueue(new Notification(key, NotificationKind.REMINDER,
                null, List.of(recipient), "reminder", Map.of("title", key,
                "deadline", OffsetDateTime.parse("2026-03-09T23:59:59+07:00")))));
    }

    private String status(String key, String channel) {
        return jdbc.sql("SELECT d.status FROM ntf_delivery d JOIN ntf_outbox o ON o.id = d.outbox_id"
                        + " WHERE o.dedup_key = ? AND d.channel = ?")
                .params(key, channel).query(String.class).optional().orElse(null);
    }

    private void awaitDelivered(String key, String channel) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "DELIVERED".equals(status(key, channel)));
    }

    private JsonNode awaitInboxItem(String user, String assignmentId, String kind) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode item : inbox(user, false)) {
                if (assignmentId.equals(item.path("assignmentId").asText()) && kind.equals(item.get("kind").asText())) {
                    return item;
                }
            }
            return null;
        }, found -> found != null);
    }

    private JsonNode inbox(String user, boolean unread) {
        return get("/api/inbox" + (unread ? "?unread=true" : ""), user);
    }

    private static JsonNode find(JsonNode items, long id) {
        for (JsonNode item : items) {
            if (item.get("id").asLong() == id) {
                return item;
            }
        }
        throw new AssertionError("no item " + id + " in " + items);
    }

    private static JsonNode find(JsonNode deliveries, String key) {
        for (JsonNode delivery : deliveries) {
            if (key.equals(delivery.get("dedupKey").asText())) {
                return delivery;
            }
        }
        throw new AssertionError("no delivery of " + key + " in " + deliveries);
    }

    private static long mailsTo(String address, String subjectStart) {
        return java.util.Arrays.stream(TestMailServer.server().getReceivedMessages())
                .filter(m -> address.equals(recipient(m)))
                .filter(m -> {
                    try {
                        return m.getSubject().startsWith(subjectStart);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                }).count();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String assign(String title) {
        HttpResponse<String> response = post("/api/assignments", "{\"unitCode\":\"phuong-an-hoi-tay\",\"title\":\""
                + title + "\",\"deadlineWorkingDays\":5}", LEADER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return HttpClient.json(response.body()).get("assignmentId").asText();
    }

    private HttpResponse<String> post(String path, String body, String user) {
        return http.post(path, body, user, PASSWORD);
    }

    private JsonNode get(String path, String user) {
        return http.getJson(path, user, "admin".equals(user) ? PostgresIntegrationTest.ADMIN_PASSWORD : PASSWORD);
    }

}
