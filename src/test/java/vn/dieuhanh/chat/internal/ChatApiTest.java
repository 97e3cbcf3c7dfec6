package vn.dieuhanh.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * The chat through {@code /api/chat} on PostgreSQL, as its members and as an official of another ward: access to
 * conversations, messages, search and attachments; mentions notified once; the digest of unread mentions sent once;
 * attachment limits checked on the content; search with and without diacritics; the assignment thread as a
 * conversation; nudges from a message; audited edits and deletions; read receipts and unread counts.
 */
@PostgresIntegrationTest
class ChatApiTest {

    static final String PASSWORD = "Tro-Chuyen-2026!";
    static final String LEADER = "chat.ld.pct";
    static final String HEAD = "chat.bc.chutich";
    static final String OFFICER = "chat.bc.canbo";
    static final String OTHER_WARD = "chat.xh.canbo";
    static final String INFORMED_WARD = "chat.nb.canbo";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MentionDigest digest;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Phó Chủ tịch UBND TP", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch UBND phường Bàn Cờ", null, "phuong-ban-co", null, Role.HEAD),
                PASSWORD);
        accounts.register(new Official(OFFICER, "Công chức phường Bàn Cờ", null, "phuong-ban-co", null, Role.OFFICER),
                PASSWORD);
        accounts.register(new Official(OTHER_WARD, "Công chức phường Xuân Hòa", null, "phuong-xuan-hoa", null,
                Role.OFFICER), PASSWORD);
        accounts.register(new Official(INFORMED_WARD, "Công chức xã Nhà Bè", null, "xa-nha-be", null, Role.OFFICER),
                PASSWORD);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void onlyMembersReadWriteSearchAndDownload() {
        long direct = open("/api/chat/direct", "{\"userId\":\"" + HEAD + "\"}", OFFICER);
        String word = "Kiểm tra an toàn thực phẩm chợ Bến Thành " + token();
        long message = post(direct, word, OFFICER).get("id").asLong();
        assertThat(texts(direct, HEAD)).contains(word);
        // the same conversation from the other side
        assertThat(open("/api/chat/direct", "{\"userId\":\"" + OFFICER + "\"}", HEAD)).isEqualTo(direct);

        // another ward's official: nothing through any door, in Vietnamese first
        for (String path : List.of("/api/chat/conversations/" + direct, "/api/chat/conversations/" + direct + "/messages",
                "/api/chat/conversations/" + direct + "/messages/" + message + "/readers")) {
            HttpResponse<String> refused = http.get(path, OTHER_WARD, PASSWORD);
            assertThat(refused.statusCode()).as(path).isEqualTo(404);
            assertThat(refused.body()).contains("Không tìm thấy cuộc trò chuyện");
        }
        HttpResponse<String> write = http.post("/api/chat/conversations/" + direct + "/messages",
                "{\"text\":\"chen vao\"}", OTHER_WARD, PASSWORD);
        assertThat(write.statusCode()).isEqualTo(404);
        assertThat(http.send("PUT", "/api/chat/conversations/" + direct + "/messages/" + message, "application/json",
                "{\"text\":\"sua\"}".getBytes(StandardCharsets.UTF_8), OTHER_WARD, PASSWORD, Map.of()).statusCode())
                .isEqualTo(404);
        assertThat(http.post("/api/chat/conversations/" + direct + "/read", "{\"upTo\":" + message + "}", OTHER_WARD,
                PASSWORD).statusCode()).isEqualTo(404);
        assertThat(texts(direct, HEAD)).containsExactly(word);

        // search: with and without diacritics for members, nothing for the other ward
        String tail = word.substring(word.lastIndexOf(' ') + 1);
        assertThat(searchTexts("Bến Thành " + tail, HEAD)).containsExactly(word);
        assertThat(searchTexts("ben thanh " + tail, OFFICER)).containsExactly(word);
        assertThat(searchTexts("THUC PHAM cho ben thanh " + tail, HEAD)).containsExactly(word);
        assertThat(searchTexts("ben thanh " + tail, OTHER_WARD)).isEmpty();

        // attachments: the other ward cannot download it; a member gets it as a download, never rendered
        byte[] pdf = ("%PDF-1.7\n" + "1 0 obj << >> endobj\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> uploaded = upload(direct, "bien-ban-kiem-tra.pdf", "application/pdf", pdf, OFFICER);
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        JsonNode attachment = HttpClient.json(uploaded.body()).get("attachments").get(0);
        long attachmentId = attachment.get("id").asLong();
        assertThat(attachment.get("contentType").asText()).isEqualTo("application/pdf");
        HttpResponse<String> download = http.get("/api/chat/attachments/" + attachmentId, HEAD, PASSWORD);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.body()).startsWith("%PDF-1.7");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment").contains("bien-ban-kiem-tra.pdf");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/pdf");
        HttpResponse<String> stolen = http.get("/api/chat/attachments/" + attachmentId, OTHER_WARD, PASSWORD);
        assertThat(stolen.statusCode()).isEqualTo(404);
        assertThat(stolen.body()).contains("Không tìm thấy tệp đính kèm").doesNotContain("%PDF");
        assertThat(upload(direct, "x.pdf", "application/pdf", pdf, OTHER_WARD).statusCode()).isEqualTo(404);
    }

    @Test
    void attachmentsAreCheckedByContentAndSize() {
        long direct = open("/api/chat/direct", "{\"userId\":\"" + HEAD + "\"}", OFFICER);
        // a web page dressed as a PDF, an image that is text, a script: refused with a Vietnamese message
        HttpResponse<String> html = upload(direct, "bao-cao.pdf", "application/pdf",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), OFFICER);
        assertThat(html.statusCode()).isEqualTo(400);
        assertThat(html.body()).contains("Nội dung tệp không đúng loại .pdf");
        HttpResponse<String> png = upload(direct, "anh.png", "image/png", "GIF89a....".getBytes(StandardCharsets.UTF_8),
                OFFICER);
        assertThat(png.statusCode()).isEqualTo(400);
        HttpResponse<String> exe = upload(direct, "cai-dat.exe", "application/pdf",
                "%PDF-1.4 not really".getBytes(StandardCharsets.US_ASCII), OFFICER);
        assertThat(exe.statusCode()).isEqualTo(400);
        assertThat(exe.body()).contains("Chỉ đính kèm tệp PDF");
        byte[] big = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, big, 0, 5);
        HttpResponse<String> tooBig = upload(direct, "lon.pdf", "application/pdf", big, OFFICER);
        assertThat(tooBig.statusCode()).isEqualTo(400);
        assertThat(tooBig.body()).contains("Tệp đính kèm lớn quá 10 MB");
        // a PDF declared as an image is stored and served as what it is
        HttpResponse<String> declared = upload(direct, "quyet-dinh.pdf", "image/png",
                "%PDF-1.4\n%%EOF".getBytes(StandardCharsets.US_ASCII), OFFICER);
        assertThat(declared.statusCode()).isEqualTo(201);
        assertThat(HttpClient.json(declared.body()).get("attachments").get(0).get("contentType").asText())
                .isEqualTo("application/pdf");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_attachment WHERE conversation_id = ? AND file_name IN"
                + " ('bao-cao.pdf', 'anh.png', 'cai-dat.exe', 'lon.pdf')").param(direct).query(Long.class).single())
                .isZero();
    }

    @Test
    void groupsUnitChannelsMembershipAndModeration() {
        // an officer may not create a group; a City PC leader may
        HttpResponse<String> officerGroup = http.post("/api/chat/groups", "{\"title\":\"Nhóm riêng\",\"members\":[\""
                + HEAD + "\"]}", OFFICER, PASSWORD);
        assertThat(officerGroup.statusCode()).isEqualTo(403);
        assertThat(officerGroup.body()).contains("Chỉ lãnh đạo UBND Thành phố");
        long group = open("/api/chat/groups", "{\"title\":\"Chỉ đạo an toàn thực phẩm " + token() + "\",\"members\":[\""
                + HEAD + "\",\"" + OFFICER + "\"]}", LEADER);
        post(group, "Đề nghị các phường báo cáo", LEADER);
        assertThat(http.get("/api/chat/conversations/" + group + "/messages", OTHER_WARD, PASSWORD).statusCode())
                .isEqualTo(404);
        // added, he reads; having left, he no longer does
        assertThat(http.post("/api/chat/conversations/" + group + "/members", "{\"userId\":\"" + OTHER_WARD + "\"}",
                HEAD, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.post("/api/chat/conversations/" + group + "/members", "{\"userId\":\"" + OTHER_WARD + "\"}",
                LEADER, PASSWORD).statusCode()).isEqualTo(204);
        assertThat(texts(group, OTHER_WARD)).contains("Đề nghị các phường báo cáo");
        assertThat(http.delete("/api/chat/conversations/" + group + "/members/" + OTHER_WARD, OTHER_WARD, PASSWORD)
                .statusCode()).isEqualTo(204);
        assertThat(http.get("/api/chat/conversations/" + group + "/messages", OTHER_WARD, PASSWORD).statusCode())
                .isEqualTo(404);
        // the last owner cannot leave; archived, nothing more is posted
        assertThat(http.delete("/api/chat/conversations/" + group + "/members/" + LEADER, LEADER, PASSWORD)
                .statusCode()).isEqualTo(409);
        assertThat(http.post("/api/chat/conversations/" + group + "/archive", "{}", OFFICER, PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(http.post("/api/chat/conversations/" + group + "/archive", "{}", LEADER, PASSWORD).statusCode())
                .isEqualTo(204);
        HttpResponse<String> archived = http.post("/api/chat/conversations/" + group + "/messages", "{\"text\":\"x\"}",
                HEAD, PASSWORD);
        assertThat(archived.statusCode()).isEqualTo(409);
        assertThat(archived.body()).contains("đã lưu trữ");

        // the unit channel: its officials, the head moderates; another ward's official is not in it
        long unit = http.getJson("/api/chat/units/mine", OFFICER, PASSWORD).get("id").asLong();
        assertThat(http.getJson("/api/chat/units/mine", HEAD, PASSWORD).get("id").asLong()).isEqualTo(unit);
        assertThat(http.getJson("/api/chat/units/mine", OTHER_WARD, PASSWORD).get("id").asLong()).isNotEqualTo(unit);
        assertThat(http.get("/api/chat/conversations/" + unit + "/messages", OTHER_WARD, PASSWORD).statusCode())
                .isEqualTo(404);
        long officers = post(unit, "Báo cáo số liệu tuần " + token(), OFFICER).get("id").asLong();
        long heads = post(unit, "Đã nhận", HEAD).get("id").asLong();
        assertThat(http.delete("/api/chat/conversations/" + unit + "/messages/" + heads, OFFICER, PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(http.delete("/api/chat/conversations/" + unit + "/messages/" + officers, HEAD, PASSWORD).statusCode())
                .isEqualTo(200);
        assertThat(http.delete("/api/chat/conversations/" + unit + "/members/" + OFFICER, OFFICER, PASSWORD)
                .statusCode()).isEqualTo(409);
    }

    @Test
    void editsAndDeletionsKeepAnAuditedTraceReadReceiptsAndUnreadCounts() {
        long group = open("/api/chat/groups", "{\"title\":\"Giao ban " + token() + "\",\"members\":[\"" + HEAD + "\",\""
                + OFFICER + "\"]}", LEADER);
        long first = post(group, "Họp lúc 8 giờ", LEADER).get("id").asLong();
        long second = post(group, "Mang theo báo cáo", LEADER).get("id").asLong();
        assertThat(unread(group, HEAD)).isEqualTo(2);
        assertThat(http.post("/api/chat/conversations/" + group + "/read", "{\"upTo\":" + second + "}", HEAD, PASSWORD)
                .statusCode()).isEqualTo(204);
        assertThat(unread(group, HEAD)).isZero();
        assertThat(unread(group, OFFICER)).isEqualTo(2);
        assertThat(http.getJson("/api/chat/conversations/" + group + "/messages/" + first + "/readers", LEADER, PASSWORD)
                .toString()).contains(HEAD).doesNotContain(OFFICER);

        assertThat(http.send("PUT", "/api/chat/conversations/" + group + "/messages/" + first, "application/json",
                "{\"text\":\"Họp lúc 9 giờ\"}".getBytes(StandardCharsets.UTF_8), HEAD, PASSWORD, Map.of()).statusCode())
                .isEqualTo(403);
        HttpResponse<String> edited = http.send("PUT", "/api/chat/conversations/" + group + "/messages/" + first,
                "application/json", "{\"text\":\"Họp lúc 9 giờ\"}".getBytes(StandardCharsets.UTF_8), LEADER, PASSWORD,
                Map.of());
        assertThat(edited.statusCode()).isEqualTo(200);
        assertThat(HttpClient.json(edited.body()).get("editedAt").isNull()).isFalse();
        assertThat(http.delete("/api/chat/conversations/" + group + "/messages/" + second, LEADER, PASSWORD)
                .statusCode()).isEqualTo(200);
        assertThat(texts(group, OFFICER)).containsExactly("Họp lúc 9 giờ", "");
        JsonNode history = http.getJson("/api/chat/conversations/" + group + "/messages/" + first + "/history", LEADER,
                PASSWORD);
        assertThat(history.get(0).get("action").asText()).isEqualTo("EDIT");
        assertThat(history.get(0).get("oldBody").asText()).isEqualTo("Họp lúc 8 giờ");
        assertThat(jdbc.sql("SELECT old_body FROM chat_message_history WHERE message_id = ? AND action = 'DELETE'")
                .param(second).query(String.class).single()).isEqualTo("Mang theo báo cáo");
        assertThat(http.get("/api/chat/conversations/" + group + "/messages/" + first + "/history", OFFICER, PASSWORD)
                .statusCode()).isEqualTo(403);
        // a deleted message is not found by search
        assertThat(searchTexts("mang theo bao cao", OFFICER)).doesNotContain("Mang theo báo cáo");
        // control characters are refused
        HttpResponse<String> control = http.post("/api/chat/conversations/" + group + "/messages",
                "{\"text\":\"a\\u202Eb\"}", LEADER, PASSWORD);
        assertThat(control.statusCode()).isEqualTo(400);
    }

    @Test
    void mentionsNotifyMembersOnceInTheInboxAndUnreadOnesOnceByEMailLater() {
        long group = open("/api/chat/groups", "{\"title\":\"Nhắc tên " + token() + "\",\"members\":[\"" + HEAD + "\",\""
                + OFFICER + "\"]}", LEADER);
        long message = post(group, "@" + OFFICER + " và @" + OTHER_WARD + " xem giúp", LEADER).get("id").asLong();
        String key = "chat-mention:" + message;
        // the member is notified, the official outside the conversation is not; in the inbox only
        assertThat(recipients(key)).containsExactly(OFFICER);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("SELECT COUNT(*) FROM ntf_inbox_item"
                + " WHERE recipient = ? AND kind = 'CHAT_MENTION' AND body LIKE ?").params(OFFICER, "%xem giúp%")
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT DISTINCT d.channel FROM ntf_delivery d JOIN ntf_outbox o ON o.id = d.outbox_id"
                + " WHERE o.dedup_key = ?").param(key).query(String.class).list()).containsExactly("INBOX");

        // an edit that mentions the unit reaches its other member, not the first one a second time
        http.send("PUT", "/api/chat/conversations/" + group + "/messages/" + message, "application/json",
                ("{\"text\":\"@" + OFFICER + " @phuong-ban-co xem giúp\"}").getBytes(StandardCharsets.UTF_8), LEADER,
                PASSWORD, Map.of());
        assertThat(recipients(key)).containsExactlyInAnyOrder(OFFICER, HEAD);
        http.send("PUT", "/api/chat/conversations/" + group + "/messages/" + message, "application/json",
                ("{\"text\":\"@" + OFFICER + " @phuong-ban-co xem giúp ngay\"}").getBytes(StandardCharsets.UTF_8), LEADER,
                PASSWORD, Map.of());
        assertThat(recipients(key)).hasSize(2);

        // later: the head read it, the officer did not; one e-mail digest for the officer, however often it runs
        http.post("/api/chat/conversations/" + group + "/read", "{\"upTo\":" + message + "}", HEAD, PASSWORD);
        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofMinutes(16))));
        digest.runOnce();
        digest.runOnce();
        List<String> digests = jdbc.sql("SELECT recipient FROM ntf_outbox WHERE kind = 'CHAT_DIGEST' AND dedup_key LIKE ?"
                + " AND body LIKE ?").params("chat-digest:%", "%xem giúp%").query(String.class).list();
        assertThat(digests).containsExactly(OFFICER);
        assertThat(jdbc.sql("SELECT DISTINCT d.channel FROM ntf_delivery d JOIN ntf_outbox o ON o.id = d.outbox_id"
                + " WHERE o.kind = 'CHAT_DIGEST' AND o.recipient = ?").param(OFFICER).query(String.class).list())
                .containsExactly("EMAIL");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM chat_mention WHERE message_id = ? AND digested_at IS NULL")
                .param(message).query(Long.class).single()).isZero();
    }

    @Test
    void theAssignmentThreadIsAConversationCardsAndNudgesFollowTheAssignmentsRules() {
        HttpResponse<String> created = http.post("/api/assignments", "{\"unitCode\":\"phuong-ban-co\",\"title\":"
                + "\"Rà soát hộ kinh doanh " + token() + "\",\"deadlineWorkingDays\":5}", LEADER, PASSWORD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String assignment = HttpClient.json(created.body()).get("assignmentId").asText();
        long thread = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            HttpResponse<String> r = http.get("/api/chat/assignments/" + assignment, HEAD, PASSWORD);
            return r.statusCode() == 200 ? HttpClient.json(r.body()).get("id").asLong() : null;
        }, id -> id != null);
        post(thread, "Phường đã nhận, đang triển khai", HEAD);
        // the assignment's own thread (item page, /api/assignments) has it, and what is posted there shows in the chat
        assertThat(http.getJson("/api/assignments/" + assignment + "/messages", LEADER, PASSWORD).toString())
                .contains("Phường đã nhận, đang triển khai");
        assertThat(http.post("/api/assignments/" + assignment + "/messages", "{\"text\":\"Báo cáo trước thứ Sáu\"}",
                LEADER, PASSWORD).statusCode()).isEqualTo(201);
        assertThat(texts(thread, HEAD)).containsExactly("Phường đã nhận, đang triển khai", "Báo cáo trước thứ Sáu");
        assertThat(texts(thread, HEAD)).hasSize(2);
        // its record is not edited
        long first = http.getJson("/api/chat/conversations/" + thread + "/messages", HEAD, PASSWORD).get(0).get("id")
                .asLong();
        assertThat(http.delete("/api/chat/conversations/" + thread + "/messages/" + first, HEAD, PASSWORD).statusCode())
                .isEqualTo(409);
        // another ward sees neither the assignment nor its thread
        assertThat(http.get("/api/chat/assignments/" + assignment, OTHER_WARD, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/chat/conversations/" + thread + "/messages", OTHER_WARD, PASSWORD).statusCode())
                .isEqualTo(404);

        // a link in a group: a card with status and deadline for whoever may see it, nothing for the others
        long group = open("/api/chat/groups", "{\"title\":\"Theo dõi " + token() + "\",\"members\":[\"" + HEAD + "\",\""
                + OTHER_WARD + "\"]}", LEADER);
        long linked = post(group, "Đề nghị khẩn trương viec:" + assignment, LEADER).get("id").asLong();
        JsonNode card = http.getJson("/api/chat/conversations/" + group + "/messages", HEAD, PASSWORD).get(0)
                .get("cards").get(0);
        assertThat(card.get("kind").asText()).isEqualTo("Nhiệm vụ");
        assertThat(card.get("title").asText()).startsWith("Rà soát hộ kinh doanh");
        assertThat(card.get("status").asText()).isEqualTo("Đang thực hiện trong hạn");
        assertThat(card.get("deadline").asText()).isNotBlank();
        JsonNode hidden = http.getJson("/api/chat/conversations/" + group + "/messages", OTHER_WARD, PASSWORD).get(0)
                .get("cards").get(0);
        assertThat(hidden.get("visible").asBoolean()).isFalse();
        assertThat(hidden.toString()).doesNotContain("Rà soát").doesNotContain("deadline\":\"");

        // nhắc việc: the nudge's own rules (the assigner or a City PC leader)
        HttpResponse<String> byHead = http.post("/api/chat/conversations/" + group + "/messages/" + linked + "/nudge",
                "{}", HEAD, PASSWORD);
        assertThat(byHead.statusCode()).isEqualTo(403);
        assertThat(byHead.body()).contains("Chỉ người giao việc");
        HttpResponse<String> byOther = http.post("/api/chat/conversations/" + group + "/messages/" + linked + "/nudge",
                "{}", OTHER_WARD, PASSWORD);
        assertThat(byOther.statusCode()).isEqualTo(404);
        HttpResponse<String> byLeader = http.post("/api/chat/conversations/" + group + "/messages/" + linked + "/nudge",
                "{}", LEADER, PASSWORD);
        assertThat(byLeader.statusCode()).as(byLeader.body()).isEqualTo(202);
        assertThat(HttpClient.json(byLeader.body()).get("notified").asText()).isEqualTo(HEAD);
    }

    @Test
    void directiveAndReportCardsShowStatusAndDeadlineToThoseWhoMayReadThemOnly() {
        // a directive assigned to Bàn Cờ, sent to Nhà Bè for information
        HttpResponse<String> registered = http.post("/api/directives", """
                {"source":"CITY_PEOPLES_COMMITTEE","documentNumber":"%s/UBND-VX","issuedOn":"2026-11-20",
                 "summary":"Về kiểm tra an toàn thực phẩm","urgency":"NORMAL",
                 "assignment":{"leadUnit":"phuong-ban-co","deadlineWorkingDays":20,"informedUnits":["xa-nha-be"]}}"""
                .formatted(token()), LEADER, PASSWORD);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String directive = HttpClient.json(registered.body()).get("directiveId").asText();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql(
                "SELECT count(*) FROM asg_assignment WHERE directive_id = ?").param(directive).query(Long.class)
                .single() == 1);
        // a report of Bàn Cờ for a period of its own, due yesterday and not yet drawn up
        String campaign = UUID.randomUUID().toString();
        String report = UUID.randomUUID().toString();
        int year = 1900 + (int) (Math.random() * 100);
        int month = 1 + (int) (Math.random() * 12);
        String period = "%d-%02d".formatted(year, month);
        Instant due = Instant.now().minus(Duration.ofDays(1));
        jdbc.sql("INSERT INTO ind_campaign (id, period, frequency, due_at, opened_at, opened_by) VALUES (?, ?, "
                + "'MONTHLY', ?, ?, 'admin')").params(campaign, period, java.sql.Timestamp.from(due),
                java.sql.Timestamp.from(due.minus(Duration.ofDays(10)))).update();
        jdbc.sql("INSERT INTO ind_report (id, campaign_id, unit_code, period, status, due_at, version) VALUES (?, ?, "
                + "'phuong-ban-co', ?, 'OPEN', ?, 0)").params(report, campaign, period, java.sql.Timestamp.from(due))
                .update();

        // in a group with all three wards: links as the REST API gives them, and as prefixes
        long group = open("/api/chat/groups", "{\"title\":\"Kiểm tra ATTP " + token() + "\",\"members\":[\"" + HEAD
                + "\",\"" + OTHER_WARD + "\",\"" + INFORMED_WARD + "\"]}", LEADER);
        post(group, "Xem chi-dao:" + directive + " và https://dieuhanh.hochiminhcity.gov.vn/api/indicator-reports/"
                + report, LEADER);
        post(group, "Văn bản /api/directives/" + directive + " và bao-cao:" + report, LEADER);

        for (int m = 0; m < 2; m++) {
            JsonNode cards = http.getJson("/api/chat/conversations/" + group + "/messages", HEAD, PASSWORD).get(m)
                    .get("cards");
            assertThat(cards).hasSize(2);
            JsonNode d = cards.get(0);
            assertThat(d.get("kind").asText()).isEqualTo("Văn bản chỉ đạo");
            assertThat(d.get("visible").asBoolean()).isTrue();
            assertThat(d.get("title").asText()).endsWith("/UBND-VX: Về kiểm tra an toàn thực phẩm");
            assertThat(d.get("status").asText()).isEqualTo("Đang xử lý trong hạn");
            assertThat(d.get("deadline").asText()).matches("\\d\\d/\\d\\d/20\\d\\d \\d\\d:\\d\\d");
            assertThat(d.get("href").asText()).isEqualTo("/api/directives/" + directive);
            JsonNode r = cards.get(1);
            assertThat(r.get("kind").asText()).isEqualTo("Báo cáo chỉ tiêu");
            assertThat(r.get("visible").asBoolean()).isTrue();
            assertThat(r.get("title").asText()).isEqualTo("Báo cáo tháng " + month + "/" + year + " của Phường Bàn Cờ");
            assertThat(r.get("status").asText()).isEqualTo("Chưa lập, quá hạn");
            assertThat(r.get("deadline").asText()).isEqualTo(due.atZone(ChatService.VIETNAM)
                    .format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")));
            assertThat(r.get("href").asText()).isEqualTo("/api/indicator-reports/" + report);
        }
        // the ward it was sent to for information reads the directive (not the report)
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> http.getJson("/api/chat/conversations/" + group
                + "/messages", INFORMED_WARD, PASSWORD).get(0).get("cards").get(0).get("visible").asBoolean());
        assertThat(http.getJson("/api/chat/conversations/" + group + "/messages", INFORMED_WARD, PASSWORD).get(0)
                .get("cards").get(1).get("visible").asBoolean()).isFalse();

        // the attacker: another ward's official in the same group learns nothing of either, nor through REST
        for (JsonNode message : http.getJson("/api/chat/conversations/" + group + "/messages", OTHER_WARD, PASSWORD)) {
            JsonNode cards = message.get("cards");
            assertThat(cards).hasSize(2);
            assertThat(cards.get(0).get("visible").asBoolean()).isFalse();
            assertThat(cards.get(0).get("title").asText()).isEqualTo("Văn bản chỉ đạo bạn không có quyền xem");
            assertThat(cards.get(1).get("visible").asBoolean()).isFalse();
            assertThat(cards.get(1).get("title").asText()).isEqualTo("Báo cáo bạn không có quyền xem");
            assertThat(cards.toString()).doesNotContain("an toàn thực phẩm").doesNotContain("UBND-VX")
                    .doesNotContain("Bàn Cờ").doesNotContain("tháng").doesNotContain("Chưa lập").doesNotContain("Đang xử lý")
                    .doesNotContain("deadline\":\"").doesNotContain("href\":\"");
        }
        HttpResponse<String> directiveRest = http.get("/api/directives/" + directive, OTHER_WARD, PASSWORD);
        assertThat(directiveRest.statusCode()).isEqualTo(404);
        assertThat(directiveRest.body()).contains("Không có văn bản chỉ đạo").doesNotContain("an toàn thực phẩm");
        assertThat(http.get("/api/indicator-reports/" + report, OTHER_WARD, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.get("/api/directives/" + directive, HEAD, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(http.get("/api/directives/" + directive, INFORMED_WARD, PASSWORD).statusCode()).isEqualTo(200);
    }

    // ---- helpers

    private static String token() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private long open(String path, String body, String user) {
        HttpResponse<String> response = http.post(path, body, user, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
        return HttpClient.json(response.body()).get("id").asLong();
    }

    private JsonNode post(long conversation, String text, String user) {
        HttpResponse<String> response = http.post("/api/chat/conversations/" + conversation + "/messages",
                "{\"text\":\"" + text + "\"}", user, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return HttpClient.json(response.body());
    }

    private List<String> texts(long conversation, String user) {
        List<String> texts = new ArrayList<>();
        http.getJson("/api/chat/conversations/" + conversation + "/messages", user, PASSWORD)
                .forEach(m -> texts.add(m.get("text").asText()));
        return texts;
    }

    private List<String> searchTexts(String query, String user) {
        List<String> texts = new ArrayList<>();
        http.getJson("/api/chat/search?q=" + java.net.URLEncoder.encode(query, StandardCharsets.UTF_8), user, PASSWORD)
                .forEach(h -> texts.add(h.get("message").get("text").asText()));
        return texts;
    }

    private int unread(long conversation, String user) {
        for (JsonNode c : http.getJson("/api/chat/conversations", user, PASSWORD)) {
            if (c.get("id").asLong() == conversation) {
                return c.get("unread").asInt();
            }
        }
        throw new AssertionError("conversation " + conversation + " not listed for " + user);
    }

    private List<String> recipients(String key) {
        return jdbc.sql("SELECT recipient FROM ntf_outbox WHERE dedup_key = ? ORDER BY recipient").param(key)
                .query(String.class).list();
    }

    private HttpResponse<String> upload(long conversation, String fileName, String contentType, byte[] content,
                                        String user) {
        String boundary = "----chat" + token();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send("POST", "/api/chat/conversations/" + conversation + "/attachments",
                "multipart/form-data; boundary=" + boundary, body.toByteArray(), user, PASSWORD, Map.of());
    }
}
