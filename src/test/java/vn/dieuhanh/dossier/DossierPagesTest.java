package vn.dieuhanh.dossier;

import vn.dieuhanh.PageSession;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.dossier.internal.DossierHandlingProcess;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * The web app's dossier pages over HTTP with signed-in sessions, on PostgreSQL: a reception officer of area team no. 2
 * (hosted by Phường Bàn Cờ) sees the appointment computed in working days before confirming (Friday 15:00 before the
 * Hùng Kings compensatory Monday: Wednesday 15:00), gets the missing-papers notice, then the receipt; Phường Tân Đông
 * Hiệp's officer and chairman find it in the unit's queue and handle it; the point returns it from its queue. Officials
 * of another ward get 403 for every page and action; the leaders' dashboard section and its workbook follow the
 * oversight rules.
 */
@PostgresIntegrationTest
class DossierPagesTest {

    static final String PASSWORD = "Trang-Ho-So-2026!";
    static final String POINT = "to-dia-ban-02";
    static final String WARD = "phuong-tan-dong-hiep";
    static final String RECEIVER = "dosp-banco.receiver";
    static final String OFFICER = "dosp-tdh.officer";
    /** The ward's chairman is the signer (the unit's first head): the same account as DossierJourneyTest's. */
    static final String HEAD = DossierJourneyTest.HEAD;
    static final String OTHER = "dosp-laithieu.officer";
    static final String OFFICE = "dosp-vp.officer";
    static final Pattern CODE = Pattern.compile("id=\"ma-ho-so\">(HS-[0-9]{6}-[2-9A-Z]{8})<");

    @LocalServerPort
    int port;
    @Autowired
    OfficialAccounts accounts;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void officials() {
        accounts.register(new Official(RECEIVER, "Cán bộ Tổ địa bàn Bàn Cờ", null, "phuong-ban-co", null,
                Role.OFFICER), PASSWORD);
        accounts.register(new Official(OFFICER, "Công chức Tư pháp phường Tân Đông Hiệp", null, WARD, null,
                Role.OFFICER), PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch UBND phường Tân Đông Hiệp", null, WARD, null, Role.HEAD),
                DossierJourneyTest.PASSWORD);
        accounts.register(new Official(OTHER, "Công chức phường Lái Thiêu", null, "phuong-lai-thieu", null,
                Role.OFFICER), PASSWORD);
        accounts.register(new Official(OFFICE, "Chuyên viên Văn phòng UBND Thành phố", null, "van-phong-ubnd-tp", null,
                Role.OFFICER), PASSWORD);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static HttpResponse<String> postReception(PageSession session, String... papers) {
        java.util.List<String> form = new java.util.ArrayList<>(java.util.List.of("diem", POINT, "thu-tuc", "CT-04",
                "don-vi", WARD, "ho-ten", "Trần Thị Bình", "lien-he", "0909 222 333"));
        for (String paper : papers) {
            form.add("giay-to");
            form.add(paper);
        }
        return session.postRepeated("/ho-so/tiep-nhan", form);
    }

    @Test
    void aDossierIsReceivedHandledAndReturnedThroughThePagesAndOtherWardsAreRefused() {
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2026-04-24T08:00:00Z"))); // Friday 24/4/2026 15:00
        PageSession receiver = PageSession.login(port, RECEIVER, PASSWORD);

        HttpResponse<String> form = receiver.get("/ho-so/tiep-nhan");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Tổ địa bàn").contains("Chứng thực hợp đồng");
        // the procedure picker's part: checklist and the appointment if received now, in working days
        HttpResponse<String> part = receiver.get("/ho-so/tiep-nhan/thu-tuc?thu-tuc=CT-04");
        assertThat(part.statusCode()).isEqualTo(200);
        assertThat(part.body()).contains("15 giờ 00 ngày 29/04/2026 (thứ Tư)")
                .contains("Dự thảo hợp đồng, giao dịch").contains(WARD);

        // incomplete: the written list of what is missing, nothing stored
        long before = jdbc.sql("SELECT COUNT(*) FROM dos_dossier").query(Long.class).single();
        HttpResponse<String> incomplete = postReception(receiver, "Dự thảo hợp đồng, giao dịch");
        assertThat(incomplete.statusCode()).isEqualTo(200);
        assertThat(incomplete.body()).contains("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ")
                .contains("Căn cước, hộ chiếu của người yêu cầu chứng thực");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dos_dossier").query(Long.class).single()).isEqualTo(before);

        HttpResponse<String> receipt = postReception(receiver, "Dự thảo hợp đồng, giao dịch",
                "Căn cước, hộ chiếu của người yêu cầu chứng thực",
                "Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản");
        assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(200);
        Matcher matcher = CODE.matcher(receipt.body());
        assertThat(matcher.find()).as(receipt.body()).isTrue();
        String code = matcher.group(1);
        assertThat(receipt.body()).contains("15 giờ 00 ngày 29/04/2026 (thứ Tư)").contains("id=\"ma-bao-mat\"");

        // another ward's official: no reception at this point, no dossier, no action
        PageSession other = PageSession.login(port, OTHER, PASSWORD);
        assertThat(postReception(other, "Dự thảo hợp đồng, giao dịch").statusCode()).isEqualTo(403);
        assertThat(other.get("/ho-so/tiep-nhan").statusCode()).isEqualTo(403);
        assertThat(other.get("/ho-so/" + code).statusCode()).isEqualTo(403);
        assertThat(other.get("/ho-so").body()).doesNotContain(code);

        await().atMost(Duration.ofSeconds(90)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(code).taskDefinitionKey(DossierHandlingProcess.TASK_PROCESS)
                .singleResult(), t -> t != null);
        assertThat(other.postForm("/ho-so/" + code + "/xu-ly", Map.of("de-xuat", "result")).statusCode())
                .isEqualTo(403);
        assertThat(receiver.postForm("/ho-so/" + code + "/xu-ly", Map.of("de-xuat", "result")).statusCode())
                .as("the reception point does not handle").isEqualTo(403);

        // the competent unit's queue and its steps
        PageSession officer = PageSession.login(port, OFFICER, PASSWORD);
        assertThat(officer.get("/ho-so").body()).contains(code);
        assertThat(officer.get("/ho-so/" + code).body()).contains("id=\"buoc-xu-ly\"");
        // a refusal without reasons is refused with the service's message, on the dossier's page
        HttpResponse<String> noReason = officer.postForm("/ho-so/" + code + "/xu-ly", Map.of("de-xuat", "refusal"));
        assertThat(noReason.statusCode()).isEqualTo(302);
        assertThat(officer.get("/ho-so/" + code).body()).contains("Ghi rõ lý do từ chối");
        assertThat(officer.postForm("/ho-so/" + code + "/xu-ly", Map.of("de-xuat", "result",
                "ghi-chu", "Đủ điều kiện chứng thực")).statusCode()).isEqualTo(302);

        PageSession head = PageSession.login(port, HEAD, DossierJourneyTest.PASSWORD);
        assertThat(head.get("/ho-so/" + code).body()).contains("id=\"buoc-phe-duyet\"");
        assertThat(head.postForm("/ho-so/" + code + "/phe-duyet", Map.of("y-kien", "approve")).statusCode())
                .isEqualTo(302);
        assertThat(head.get("/ho-so/" + code).body()).contains("id=\"buoc-ky\"");
        assertThat(head.postForm("/ho-so/" + code + "/ky", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(code)).isEqualTo("RESULT_READY");

        // back at the point: in its queue, returned there; another ward cannot return it
        assertThat(receiver.get("/ho-so").body()).contains(code);
        await().atMost(Duration.ofSeconds(90)).until(() -> receiver.get("/ho-so/" + code).body()
                .contains("id=\"buoc-tra-ket-qua\""));
        assertThat(other.postForm("/ho-so/" + code + "/tra-ket-qua", Map.of()).statusCode()).isEqualTo(403);
        assertThat(receiver.postForm("/ho-so/" + code + "/tra-ket-qua", Map.of()).statusCode()).isEqualTo(302);
        assertThat(status(code)).isEqualTo("RETURNED");
        assertThat(receiver.get("/ho-so/" + code).body()).contains("Đã trả kết quả");
    }

    @Test
    void theDashboardSectionAndItsWorkbookFollowTheOversightRules() {
        PageSession office = PageSession.login(port, OFFICE, PASSWORD);
        HttpResponse<String> section = office.get("/dieu-hanh/ho-so");
        assertThat(section.statusCode()).isEqualTo(200);
        assertThat(section.body()).contains("Hồ sơ thủ tục hành chính").contains("Tỷ lệ đúng hạn")
                .contains("/ho-so/thong-ke.xlsx");
        HttpResponse<String> workbook = office.get("/ho-so/thong-ke.xlsx?tu=2026-04-01&den=2026-04-30");
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");

        PageSession other = PageSession.login(port, OTHER, PASSWORD);
        assertThat(other.get("/ho-so/thong-ke.xlsx?tu=2026-04-01&den=2026-04-30").statusCode()).isEqualTo(403);
        HttpResponse<String> otherSection = other.get("/dieu-hanh/ho-so");
        assertThat(otherSection.statusCode()).isEqualTo(200);
        assertThat(otherSection.body()).doesNotContain("Phường Tân Đông Hiệp").doesNotContain("thong-ke.xlsx");
        // the dashboard page loads the section
        assertThat(office.get("/dieu-hanh").body()).contains("/dieu-hanh/ho-so");
    }

    String status(String code) {
        return jdbc.sql("SELECT status FROM dos_dossier WHERE code = ?").param(code).query(String.class).single();
    }
}
