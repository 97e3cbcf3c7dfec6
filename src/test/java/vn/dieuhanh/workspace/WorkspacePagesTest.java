package vn.dieuhanh.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.assignment.InstantAssignmentProcess;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.Notifications;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * Việc của tôi, Việc đã giao, Hộp thư and the live event stream on PostgreSQL, as an official of one ward, the leader
 * who assigns, and an attacker from another ward who must see nothing of it.
 */
@PostgresIntegrationTest
class WorkspacePagesTest {

    static final String WARD = "phuong-an-nhon";
    static final String OTHER_WARD = "phuong-an-phu-dong";
    static final String LEADER = "ws.pages.leader";
    static final String OFFICER = "ws.pages.officer";
    static final String ATTACKER = "ws.pages.attacker";
    static final String PASSWORD = "Viec-Cua-Toi-2026!";
    static final Pattern DEADLINE = Pattern.compile(
            "(Thứ Hai|Thứ Ba|Thứ Tư|Thứ Năm|Thứ Sáu|Thứ Bảy|Chủ nhật), \\d{2}/\\d{2}/\\d{4}");

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @BeforeEach
    void officials() {
        accounts.register(new Official(LEADER, "Phó Chủ tịch Võ Thành", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(OFFICER, "Ngô Thị Lan", null, WARD, null, Role.OFFICER), PASSWORD);
        accounts.register(new Official(ATTACKER, "Kẻ Tò Mò", null, OTHER_WARD, null, Role.HEAD), PASSWORD);
    }

    @Test
    void myWorkShowsWhatWaitsForMyUnitAndNothingOfAnotherWard() {
        String title = "Kiểm tra an toàn phòng cháy " + UUID.randomUUID().toString().substring(0, 8);
        String assignmentId = assign(title);
        WebClient officer = new WebClient(port).signedIn(OFFICER, PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> officer.get("/").body().contains(title));
        String page = officer.get("/").body();
        String row = page.substring(page.indexOf("href=\"/viec/" + assignmentId + "\""));
        row = row.substring(0, row.indexOf("</li>"));
        assertThat(row).contains(title, "Giao việc trực tiếp", "Xử lý nhiệm vụ", "Phường An Nhơn",
                "Đang thực hiện trong hạn", "Còn 5 ngày làm việc", "b-OPEN_WITHIN_DEADLINE");
        assertThat(DEADLINE.matcher(row).find()).as(row).isTrue();
        assertThat(page).contains("id=\"work-badge\"");

        WebClient attacker = new WebClient(port).signedIn(ATTACKER, PASSWORD);
        assertThat(attacker.get("/").body()).doesNotContain(title).doesNotContain(assignmentId);
        assertThat(attacker.get("/da-giao").body()).doesNotContain(title);

        WebClient leader = new WebClient(port).signedIn(LEADER, PASSWORD);
        String assigned = leader.get("/da-giao").body();
        assertThat(assigned).contains(title, "/viec/" + assignmentId, "Chờ đơn vị phân công", "Phường An Nhơn");
        assertThat(leader.get("/").body()).contains(">Điều hành</a>"); // leaders steer
        assertThat(officer.get("/da-giao").body()).doesNotContain(title); // the officer assigned nothing
    }

    @Test
    void theInboxIsMineAndMarkingReadIsMineOnly() {
        String subject = "Báo cáo ngập nước " + UUID.randomUUID().toString().substring(0, 8);
        notify(OFFICER, subject);
        WebClient officer = new WebClient(port).signedIn(OFFICER, PASSWORD);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> officer.get("/hop-thu").body().contains(subject));
        long id = jdbc.sql("SELECT i.id FROM ntf_inbox_item i WHERE i.recipient = ? AND i.subject LIKE ?")
                .params(OFFICER, "%" + subject + "%").query(Long.class).single();
        String inbox = officer.get("/hop-thu?chua-doc=true").body();
        assertThat(inbox).contains(subject, "Chưa đọc", "Đánh dấu đã đọc", "id=\"thu-" + id + "\"");

        WebClient attacker = new WebClient(port).signedIn(ATTACKER, PASSWORD);
        assertThat(attacker.get("/hop-thu").body()).doesNotContain(subject);
        String attackerToken = WebClient.csrfToken(attacker.get("/hop-thu").body());
        assertThat(attacker.postForm("/hop-thu/" + id + "/da-doc", Map.of("_csrf", attackerToken)).statusCode())
                .isEqualTo(404);
        assertThat(officer.get("/hop-thu?chua-doc=true").body()).contains(subject);

        String token = WebClient.csrfToken(inbox);
        HttpResponse<String> htmx = officer.postForm("/hop-thu/" + id + "/da-doc", Map.of(),
                Map.of("X-CSRF-TOKEN", token, "HX-Request", "true"));
        assertThat(htmx.statusCode()).isEqualTo(200);
        assertThat(htmx.body()).contains("id=\"thu-" + id + "\"", "hx-swap-oob", "id=\"unread-badge\"")
                .doesNotContain("Đánh dấu đã đọc").doesNotContain("<html");
        assertThat(officer.get("/hop-thu?chua-doc=true").body()).doesNotContain(subject);
    }

    @Test
    void theLiveStreamCountsNewWorkAndMessagesForMeAndNothingForAnotherWard() {
        WebClient officer = new WebClient(port).signedIn(OFFICER, PASSWORD);
        WebClient attacker = new WebClient(port).signedIn(ATTACKER, PASSWORD);
        List<String> mine = stream(officer);
        List<String> theirs = stream(attacker);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> last(mine, "work") != null
                && last(mine, "unread") != null && last(theirs, "work") != null);
        long work = last(mine, "work");
        long unread = last(mine, "unread");
        long attackerWork = last(theirs, "work");

        assign("Rà soát hộ nghèo " + UUID.randomUUID().toString().substring(0, 8));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> last(mine, "work") == work + 1);
        notify(OFFICER, "Nhắc việc " + UUID.randomUUID().toString().substring(0, 8));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> last(mine, "unread") == unread + 1);

        assertThat(last(theirs, "work")).isEqualTo(attackerWork);
        assertThat(String.join("\n", theirs)).doesNotContain("Rà soát hộ nghèo");
        assertThat(new WebClient(port).get("/su-kien").statusCode()).isEqualTo(401);
    }

    /**
     * An open item page follows its assignment: a message and a report by others send {@code item} with the
     * assignment's id on the page's stream, and the report (the unit's handling task done) lowers the work count
     * live. The attacker, an official of another ward, cannot open the item's stream (404, as the page) and his own
     * stream says nothing of it.
     */
    @Test
    void anItemPageFollowsItsAssignmentLiveAndTheWorkCountFallsWhenWorkIsDone() {
        WebClient officer = new WebClient(port).signedIn(OFFICER, PASSWORD);
        WebClient attacker = new WebClient(port).signedIn(ATTACKER, PASSWORD);
        String id = assign("Kiểm tra vệ sinh trường học " + UUID.randomUUID().toString().substring(0, 8));
        vn.dieuhanh.HttpClient api = new vn.dieuhanh.HttpClient(port);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> api.getJson("/api/assignments/" + id, LEADER,
                PASSWORD).get("openTasks").size() == 1);

        assertThat(attacker.get("/su-kien?viec=" + id).statusCode()).isEqualTo(404);
        assertThat(attacker.get("/viec/" + id).statusCode()).isEqualTo(404);
        WebClient leader = new WebClient(port).signedIn(LEADER, PASSWORD);
        List<String> page = stream(officer, "/su-kien?viec=" + id);
        List<String> leadersPage = stream(leader, "/su-kien?viec=" + id);
        List<String> theirs = stream(attacker, "/su-kien");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> last(page, "work") != null
                && last(leadersPage, "work") != null && last(theirs, "work") != null);
        long work = last(page, "work");
        long attackerWork = last(theirs, "work");

        // the officer reports: the leader's open page hears of it and the officer's count falls (his own page
        // answered his action with the updated item; AssignmentItemBrowserTest shows its confirmation stays)
        assertThat(api.post("/api/assignments/" + id + "/report", "{\"result\":\"Đã kiểm tra 12 trường\"}",
                OFFICER, PASSWORD).statusCode()).isEqualTo(204);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> items(leadersPage).contains(id));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> last(page, "work") == work - 1);
        // the leader writes: the officer's open page hears of it
        assertThat(api.post("/api/assignments/" + id + "/messages", "{\"text\":\"Đề nghị bổ sung hình ảnh\"}",
                LEADER, PASSWORD).statusCode()).isEqualTo(201);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> items(page).contains(id));

        assertThat(items(theirs)).isEmpty();
        assertThat(last(theirs, "work")).isEqualTo(attackerWork);
        assertThat(String.join("\n", theirs)).doesNotContain(id);
    }

    /** The assignment ids of the {@code item} events received so far. */
    private static List<String> items(List<String> lines) {
        List<String> ids = new java.util.ArrayList<>();
        List<String> copy = List.copyOf(lines);
        for (int i = 0; i + 1 < copy.size(); i++) {
            if (copy.get(i).equals("event:item") && copy.get(i + 1).startsWith("data:")) {
                ids.add(copy.get(i + 1).substring(5).trim());
            }
        }
        return ids;
    }

    private static List<String> stream(WebClient client) {
        return stream(client, "/su-kien");
    }

    /** Opens /su-kien with the client's session and collects its lines as they arrive. */
    private static List<String> stream(WebClient client, String path) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.base + path))
                .header("Accept", "text/event-stream").GET().build();
        client.sendAsyncLines(request).thenAccept(response -> {
            try (Stream<String> body = response.body()) {
                body.forEach(lines::add);
            } catch (RuntimeException closed) {
                // the test ended
            }
        });
        return lines;
    }

    /** The data of the latest event with this name, or null. */
    private static Long last(List<String> lines, String event) {
        Long value = null;
        List<String> copy = List.copyOf(lines);
        for (int i = 0; i + 1 < copy.size(); i++) {
            if (copy.get(i).equals("event:" + event) && copy.get(i + 1).startsWith("data:")) {
                value = Long.parseLong(copy.get(i + 1).substring(5).trim());
            }
        }
        return value;
    }

    private String assign(String title) {
        identityService.setAuthentication(LEADER, List.of(Role.LEADER.groupId(), "ubnd-tp"));
        try {
            return (String) runtimeService.createProcessInstanceByKey(InstantAssignmentProcess.KEY)
                    .setVariables(Map.of(InstantAssignmentProcess.VAR_UNIT_CODE, WARD,
                            InstantAssignmentProcess.VAR_TITLE, title,
                            InstantAssignmentProcess.VAR_DEADLINE_WORKING_DAYS, 5))
                    .executeWithVariablesInReturn().getVariables().get(InstantAssignmentProcess.VAR_ASSIGNMENT_ID);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private void notify(String recipient, String title) {
        transactions.executeWithoutResult(tx -> notifications.enqueue(new Notification("ws-test:" + UUID.randomUUID(),
                NotificationKind.REMINDER, null, List.of(recipient), "reminder",
                Map.of("title", title, "deadline", OffsetDateTime.parse("2026-12-04T23:59:59+07:00")))));
    }
}
