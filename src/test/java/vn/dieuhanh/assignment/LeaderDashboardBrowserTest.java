package vn.dieuhanh.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import vn.dieuhanh.BrowserTest;
import vn.dieuhanh.Browsers;
import vn.dieuhanh.HttpClient;

/**
 * The leaders' dashboard in a real browser (Debian Chromium, headless) at phone (390x844) and desktop (1280x900)
 * size, on the demo profile: the City PC chair assigns work through /giao-viec (finding "Xã Thạnh An" by typing
 * "thanh an"), the dashboard's "open within deadline" tile counts it; the commune's head reports and the chair accepts,
 * and it moves to "completed on time"; an overdue item is listed and its drill-down opens /viec/{id}. Screenshots go
 * to target/screenshots, and with -Dscreenshots.docs=true to docs/images/dashboard-*.png (docs/webapp.md). Skipped
 * when Chromium or chromedriver is not installed.
 */
@BrowserTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:dashboard-browser-test;DB_CLOSE_DELAY=-1")
class LeaderDashboardBrowserTest {

    static final String PASSWORD = Browsers.PASSWORD;
    static final String CHAIR = "chair";
    static final String COMMUNE = "xa-thanh-an-2";
    static final String HEAD = COMMUNE + ".head";
    static final Duration WAIT = Browsers.WAIT;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void onAPhoneTheCountsFollowAnAssignmentFromCreationToCompletion() throws Exception {
        WebDriver phone = Browsers.phone();
        login(phone, CHAIR);
        phone.get(url("/dieu-hanh"));
        long within = tile(phone, "OPEN_WITHIN_DEADLINE");
        long onTime = tile(phone, "COMPLETED_ON_TIME");
        awaitCharts(phone);
        screenshot(phone, "dashboard-phone");

        // instant assignment in a few taps: search without diacritics, the look-alike is flagged
        phone.get(url("/giao-viec"));
        WebElement search = phone.findElement(By.id("tim-don-vi"));
        search.sendKeys("thanh an");
        new WebDriverWait(phone, WAIT).until(ExpectedConditions.numberOfElementsToBeMoreThan(
                By.cssSelector("#ket-qua-don-vi .look-alike"), 1));
        assertThat(phone.findElement(By.id("ket-qua-don-vi")).getText()).contains("Xã Thanh An", "Xã Thạnh An",
                "Dễ nhầm với");
        screenshot(phone, "dashboard-assign-lookalikes");
        click(phone, phone.findElement(By.cssSelector("input[name='unitCode'][value='" + COMMUNE + "']")));
        // the commune's officials are offered at once: name its head
        WebElement assignee = wait(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("gv-assignee")));
        new org.openqa.selenium.support.ui.Select(assignee).selectByValue(HEAD);
        phone.findElement(By.id("gv-title")).sendKeys("Rà soát hộ nghèo trên địa bàn xã Thạnh An");
        click(phone, phone.findElement(By.xpath("//label[contains(., '10 ngày')]/input")));
        click(phone, phone.findElement(By.cssSelector("form.assign button.primary")));
        new WebDriverWait(phone, WAIT).until(ExpectedConditions.urlContains("/viec/"));
        String assignmentId = phone.getCurrentUrl().replaceAll(".*/viec/", "");

        phone.get(url("/dieu-hanh"));
        assertThat(tile(phone, "OPEN_WITHIN_DEADLINE")).isEqualTo(within + 1);

        // the commune's head reports, the chair accepts (through the same services, over /api)
        HttpClient http = new HttpClient(port);
        awaitTask(http, assignmentId, "Task_HandleAssignment");
        assertThat(http.getJson("/api/assignments/" + assignmentId, CHAIR, PASSWORD).get("assignment")
                .get("holderUser").asText()).isEqualTo(HEAD);
        assertThat(http.post("/api/assignments/" + assignmentId + "/report",
                "{\"result\":\"Đã rà soát 312 hộ, lập danh sách 14 hộ nghèo.\"}", HEAD, PASSWORD).statusCode())
                .isEqualTo(204);
        awaitTask(http, assignmentId, "Task_ReviewResult");
        assertThat(http.post("/api/assignments/" + assignmentId + "/review", "{\"accepted\":true}", CHAIR, PASSWORD)
                .statusCode()).isEqualTo(204);
        Awaitility.await().atMost(WAIT).until(() -> !http.getJson("/api/assignments/" + assignmentId, CHAIR, PASSWORD)
                .get("assignment").get("completedAt").isNull());

        phone.get(url("/dieu-hanh"));
        assertThat(tile(phone, "OPEN_WITHIN_DEADLINE")).isEqualTo(within);
        assertThat(tile(phone, "COMPLETED_ON_TIME")).isEqualTo(onTime + 1);
    }

    @Test
    void onADesktopTheOverdueListDrillsDownToTheItemAndTheFiltersUseHtmx() throws Exception {
        HttpClient http = new HttpClient(port);
        HttpResponse<String> created = http.post("/api/assignments", "{\"unitCode\":\"phuong-ben-thanh\",\"title\":"
                + "\"Báo cáo tiến độ chỉnh trang vỉa hè phường Bến Thành\",\"deadlineWorkingDays\":3}", CHAIR, PASSWORD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = HttpClient.json(created.body()).get("assignmentId").asText();
        // its deadline was a month ago: open and overdue (test data; the API refuses a deadline in the past), once
        // its lifecycle has opened (H2 locks the row while the lifecycle's first steps run)
        awaitTask(http, id, "Task_HandleAssignment");
        Awaitility.await().atMost(WAIT).ignoreExceptions().until(() -> jdbc.sql("UPDATE asg_assignment SET deadline ="
                + " DATEADD('DAY', -30, CURRENT_TIMESTAMP), due_soon_from = DATEADD('DAY', -33, CURRENT_TIMESTAMP)"
                + " WHERE id = ?").param(id).update() == 1);

        WebDriver desktop = Browsers.desktop();
        login(desktop, CHAIR);
        desktop.get(url("/dieu-hanh"));
        assertThat(tile(desktop, "OPEN_OVERDUE")).isGreaterThanOrEqualTo(1);
        awaitCharts(desktop);
        screenshot(desktop, "dashboard-desktop");

        // filters re-render the results in place (htmx) and keep the URL
        new org.openqa.selenium.support.ui.Select(desktop.findElement(By.id("loc-loai"))).selectByValue("ward");
        new WebDriverWait(desktop, WAIT).until(ExpectedConditions.urlContains("loai=ward"));
        wait(desktop).until(d -> !d.findElement(By.id("bang-don-vi")).getText().contains("Sở Tài chính"));
        // sorting by overdue puts Phường Bến Thành first
        click(desktop, desktop.findElement(By.xpath("//table[@id='bang-don-vi']//th/a[.='Quá hạn']")));
        wait(desktop).until(d -> d.findElement(By.cssSelector("#bang-don-vi tbody tr th"))
                .getText().startsWith("Phường Bến Thành"));

        WebElement link = new WebDriverWait(desktop, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".overdue-list a[href='/viec/" + id + "']")));
        assertThat(link.getText()).isEqualTo("Báo cáo tiến độ chỉnh trang vỉa hè phường Bến Thành");
        WebElement item = link.findElement(By.xpath("./ancestor::li"));
        assertThat(item.getText()).contains("Quá hạn 30 ngày", "Phường Bến Thành");
        // the nudge button, in place
        click(desktop, item.findElement(By.cssSelector("form.nudge button")));
        wait(desktop).until(d -> item.getText().contains("Đã nhắc việc"));
        screenshot(desktop, "dashboard-overdue-nudged");
        click(desktop, link);
        new WebDriverWait(desktop, WAIT).until(ExpectedConditions.urlToBe(url("/viec/" + id)));

        desktop.get(url("/xep-hang"));
        assertThat(desktop.findElement(By.id("bang-xep-hang")).getText()).contains("chưa có dữ liệu");
        screenshot(desktop, "dashboard-ranking");
        desktop.get(url("/chi-tieu"));
        assertThat(desktop.findElements(By.cssSelector("#bang-chi-tieu td.cell"))).isNotEmpty();
        click(desktop, desktop.findElement(By.cssSelector("#bang-chi-tieu a.button")));
        new WebDriverWait(desktop, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".drill-down")));
        screenshot(desktop, "dashboard-indicators");
    }

    /** A wait that tolerates htmx replacing what it looks at. */
    static WebDriverWait wait(WebDriver driver) {
        return Browsers.waiting(driver);
    }

    long tile(WebDriver driver, String bucket) {
        String text = new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".tile.b-" + bucket + " .tile-n"))).getText();
        return Long.parseLong(text.replace(".", ""));
    }

    void awaitCharts(WebDriver driver) {
        new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector(".chart svg")).size() >= 2);
    }

    static void awaitTask(HttpClient http, String assignmentId, String taskKey) {
        Awaitility.await().atMost(WAIT).until(() -> {
            JsonNode detail = http.getJson("/api/assignments/" + assignmentId, CHAIR, PASSWORD);
            for (JsonNode open : detail.get("openTasks")) {
                if (open.get("taskDefinitionKey").asText().equals(taskKey)) {
                    return true;
                }
            }
            return false;
        });
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void login(WebDriver driver, String user) {
        Browsers.login(driver, url(""), "/dang-nhap", user);
    }

    static void click(WebDriver driver, WebElement element) {
        Browsers.click(driver, element);
    }

    /** To target/screenshots, and to docs/images with -Dscreenshots.docs=true (a test run leaves the docs alone). */
    static void screenshot(WebDriver driver, String name) {
        Browsers.screenshot(driver, name);
    }
}
