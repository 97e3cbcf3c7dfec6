package vn.dieuhanh.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * The leaders' pages of issue 16 over HTTP with a session login: /dieu-hanh (citywide for a City PC leader, one ward
 * for its head, 403 for an officer), its htmx fragment, /xep-hang with every unit, /chi-tieu with its drill-down, the
 * Excel buttons, /giao-viec's unit search and form (CSRF, AssignerPolicy), and the nudge button.
 */
@PostgresIntegrationTest
class LeaderPagesTest {

    static final String PASSWORD = "Xem-So-Lieu-2026!q";
    static final String LEADER = "lp.pct";
    static final String HEAD = "lp.head-tan-dinh";
    static final String WARD = "phuong-tan-dinh";
    static final String OFFICER = "lp.officer-an-lac";

    @Autowired
    OfficialAccounts accounts;
    @LocalServerPort
    int port;

    @BeforeEach
    void officials() {
        accounts.register(new Official(LEADER, "Phó Chủ tịch Trang", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch phường Tân Định", null, WARD, null, Role.HEAD), PASSWORD);
        accounts.register(new Official(OFFICER, "Công chức phường An Lạc", null, "phuong-an-lac", null, Role.OFFICER),
                PASSWORD);
    }

    WebClient as(String user) {
        return new WebClient(port).signedIn(user, PASSWORD);
    }

    @Test
    void theDashboardIsCitywideForALeaderOneWardForItsHeadAndRefusedToAnOfficer() {
        WebClient leader = as(LEADER);
        HttpResponse<String> page = leader.get("/dieu-hanh");
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Điều hành", "Toàn Thành phố", "Hoàn thành đúng hạn", "Sắp đến hạn",
                "Đang thực hiện quá hạn", "Theo đơn vị", "Xã Thạnh An", "Sở Tài chính", "Theo nguồn giao",
                "Theo người giao", "Nhiệm vụ quá hạn", "data-chart=", "/app/dashboard.js");
        // every active unit is a row of the table
        assertThat(page.body().split("<th scope=\"row\"><span>", -1).length - 1).isGreaterThanOrEqualTo(190);

        HttpResponse<String> fragment = leader.get("/dieu-hanh?loai=commune&nguon=INSTANT&ky=2031-Q2&sap-xep=overdue&giam=true",
                Map.of("HX-Request", "true"));
        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body()).startsWith("<div id=\"ket-qua\"").doesNotContain("<html")
                .contains("Quý 2/2031", "Xã Thạnh An", "aria-sort=\"descending\"").doesNotContain("Sở Tài chính");
        HttpResponse<String> badPeriod = leader.get("/dieu-hanh?ky=2031-13");
        assertThat(badPeriod.statusCode()).isEqualTo(400);
        assertThat(badPeriod.body()).contains("<h1>Yêu cầu không hợp lệ</h1>", "/dang-xuat");

        HttpResponse<String> ward = as(HEAD).get("/dieu-hanh");
        assertThat(ward.statusCode()).isEqualTo(200);
        assertThat(ward.body()).contains("Phường Tân Định", "Theo phòng, ban", "Văn phòng Hội đồng nhân dân")
                .doesNotContain("Xã Thạnh An", "Toàn Thành phố");

        HttpResponse<String> refused = as(OFFICER).get("/dieu-hanh");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Chỉ lãnh đạo UBND Thành phố");
        // the web app's error page in the layout (header, logout, CSRF meta), not the API's problem JSON
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(refused.body()).contains("<h1>Không có quyền</h1>", "/dang-xuat", "name=\"csrf-token\"");
        assertThat(as(OFFICER).get("/api/assignments/dashboard").statusCode()).isIn(401, 403);
    }

    @Test
    void rankingListsEveryUnitAndTheIndicatorTableDrillsDown() {
        WebClient leader = as(LEADER);
        HttpResponse<String> ranking = leader.get("/xep-hang?ky=2031-03");
        assertThat(ranking.statusCode()).as(ranking.body()).isEqualTo(200);
        assertThat(ranking.body()).contains("Xếp hạng KPI đơn vị", "chưa có dữ liệu", "Xã Thanh An", "Xã Thạnh An",
                "/xep-hang.xlsx?ky=2031-03");
        HttpResponse<String> workbook = leader.get("/xep-hang.xlsx?ky=2031-03");
        assertThat(workbook.statusCode()).isEqualTo(200);
        assertThat(workbook.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(as(OFFICER).get("/xep-hang").statusCode()).isEqualTo(403);
        assertThat(leader.get("/xep-hang?ky=2031-99").statusCode()).isEqualTo(400);

        HttpResponse<String> table = leader.get("/chi-tieu?ky=2031-03");
        assertThat(table.statusCode()).as(table.body()).isEqualTo(200);
        assertThat(table.body()).contains("Chỉ tiêu kinh tế - xã hội", "cell st-", "/chi-tieu.xlsx?ky=2031-03");
        String code = table.body().replaceAll("(?s).*?hx-get=\"/chi-tieu/([^?\"]+)\\?.*", "$1");
        HttpResponse<String> units = leader.get("/chi-tieu/" + code + "?ky=2031-03", Map.of("HX-Request", "true"));
        assertThat(units.statusCode()).as(units.body()).isEqualTo(200);
        assertThat(units.body()).contains("theo đơn vị", "Yêu cầu giải trình").doesNotContain("<html");
        assertThat(leader.get("/chi-tieu.xlsx?ky=2031-03").statusCode()).isEqualTo(200);
    }

    @Test
    void instantAssignmentFindsUnitsWithoutDiacriticsAndFollowsTheApisRules() {
        WebClient leader = as(LEADER);
        HttpResponse<String> search = leader.get("/giao-viec/don-vi?q=thanh+an", Map.of("HX-Request", "true"));
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.body()).contains("value=\"xa-thanh-an\"", "value=\"xa-thanh-an-2\"", "<mark>ạ</mark>",
                "Dễ nhầm với Xã Thạnh An", "Dễ nhầm với Xã Thanh An", "<span>Xã</span><span> · thuộc Ủy ban nhân dân Thành phố Hồ Chí Minh</span>");

        HttpResponse<String> form = leader.get("/giao-viec");
        assertThat(form.statusCode()).isEqualTo(200);
        String token = WebClient.csrfToken(form.body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("unitCode", WARD);
        fields.put("title", "Kiểm tra trật tự đô thị tuyến đường Hai Bà Trưng");
        fields.put("deadlineWorkingDays", "5");
        fields.put("urgency", "URGENT");
        assertThat(leader.postForm("/giao-viec", fields).statusCode()).as("without the CSRF token").isEqualTo(403);
        fields.put("_csrf", token);
        HttpResponse<String> created = leader.postForm("/giao-viec", fields);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/viec/");
        String assignmentId = location.substring(location.lastIndexOf('/') + 1);

        // a ward head is offered his own ward only and may not assign to another unit (AssignerPolicy)
        WebClient head = as(HEAD);
        HttpResponse<String> headForm = head.get("/giao-viec");
        assertThat(headForm.body()).contains("Phường Tân Định").contains("(đơn vị của bạn)");
        fields.put("unitCode", "phuong-an-lac");
        fields.put("_csrf", WebClient.csrfToken(headForm.body()));
        HttpResponse<String> other = head.postForm("/giao-viec", fields);
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.body()).contains("Thủ trưởng đơn vị chỉ giao việc trong đơn vị mình");
        fields.put("unitCode", WARD);
        fields.put("title", "");
        HttpResponse<String> noTitle = head.postForm("/giao-viec", fields);
        assertThat(noTitle.statusCode()).isEqualTo(400);
        assertThat(noTitle.body()).contains("role=\"alert\"");
        assertThat(as(OFFICER).get("/giao-viec").statusCode()).isEqualTo(403);

        // the nudge button: the City PC leader reminds the ward's head; an officer of another ward cannot
        HttpResponse<String> nudged = leader.postForm("/dieu-hanh/nhac-viec/" + assignmentId, Map.of("_csrf", token));
        assertThat(nudged.statusCode()).as(nudged.body()).isEqualTo(200);
        assertThat(nudged.body()).contains("Đã nhắc việc", "Chủ tịch phường Tân Định");
        WebClient officer = as(OFFICER);
        String officerToken = WebClient.csrfToken(officer.get("/").body());
        HttpResponse<String> notHis = officer.postForm("/dieu-hanh/nhac-viec/" + assignmentId,
                Map.of("_csrf", officerToken));
        assertThat(notHis.statusCode()).isIn(403, 404);
        assertThat(notHis.body()).contains("role=\"alert\"");
    }

    /**
     * /giao-viec names the official of the unit with a picker filled from the unit's officials (the rule of the Tasklist
     * form's /tasklist-forms/assignable-officials: only a unit the caller may assign to); a forged choice of another
     * unit's official is refused by the service with its Vietnamese message, and nothing is created.
     */
    @Test
    void instantAssignmentNamesAnOfficialOfTheUnitWithThePicker() {
        WebClient leader = as(LEADER);
        HttpResponse<String> picker = leader.get("/giao-viec/can-bo?unitCode=" + WARD, Map.of("HX-Request", "true"));
        assertThat(picker.statusCode()).isEqualTo(200);
        assertThat(picker.body()).contains("<label for=\"gv-assignee\">", "value=\"" + HEAD + "\"",
                "Chủ tịch phường Tân Định", "Để lãnh đạo đơn vị phân công").doesNotContain("<html");
        assertThat(leader.get("/giao-viec/can-bo?unitCode=khong-co-don-vi", Map.of("HX-Request", "true"))
                .statusCode()).isEqualTo(404);

        // the head is offered his ward's officials at once; another unit's list is refused to him, and to an officer
        WebClient head = as(HEAD);
        HttpResponse<String> headForm = head.get("/giao-viec");
        assertThat(headForm.body()).contains("id=\"gv-assignee\"", "value=\"" + HEAD + "\"");
        HttpResponse<String> otherWard = head.get("/giao-viec/can-bo?unitCode=phuong-an-lac",
                Map.of("HX-Request", "true"));
        assertThat(otherWard.statusCode()).isEqualTo(403);
        assertThat(otherWard.body()).doesNotContain(OFFICER);
        assertThat(as(OFFICER).get("/giao-viec/can-bo?unitCode=phuong-an-lac", Map.of("HX-Request", "true"))
                .statusCode()).isEqualTo(403);

        String token = WebClient.csrfToken(leader.get("/giao-viec").body());
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("unitCode", WARD);
        fields.put("assignee", HEAD);
        fields.put("title", "Báo cáo công tác phòng cháy chợ Tân Định");
        fields.put("deadlineWorkingDays", "10");
        fields.put("urgency", "NORMAL");
        fields.put("_csrf", token);
        HttpResponse<String> created = leader.postForm("/giao-viec", fields);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        com.fasterxml.jackson.databind.JsonNode detail = new vn.dieuhanh.HttpClient(port)
                .getJson("/api/assignments/" + id, LEADER, PASSWORD);
        assertThat(detail.get("assignment").get("holderUser").asText()).isEqualTo(HEAD);

        fields.put("assignee", OFFICER);
        fields.put("title", "Giao nhầm cán bộ phường khác");
        HttpResponse<String> forged = leader.postForm("/giao-viec", fields);
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("role=\"alert\"", "không thuộc đơn vị");
    }

    /** "Chứng thực" is in the navigation of a ward's officials (authority), not of a City PC leader. */
    @Test
    void theCertificationPageIsInTheNavigationOfWardOfficialsOnly() {
        assertThat(as(OFFICER).get("/").body()).contains("href=\"/chung-thuc\"", ">Chứng thực</a>");
        assertThat(as(HEAD).get("/").body()).contains("href=\"/chung-thuc\"");
        assertThat(as(LEADER).get("/").body()).doesNotContain("href=\"/chung-thuc\"");
        HttpResponse<String> page = as(OFFICER).get("/chung-thuc");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("aria-current=\"page\">Chứng thực</a>");
    }
}
