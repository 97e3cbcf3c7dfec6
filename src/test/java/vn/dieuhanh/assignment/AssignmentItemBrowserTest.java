package vn.dieuhanh.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.dieuhanh.BrowserTest;
import vn.dieuhanh.Browsers;
import vn.dieuhanh.HttpClient;

/**
 * The item page in a real browser (Debian Chromium, headless), at phone size (390x844) and on a desktop: a ward head
 * receives an assignment from the City PC chair, delegates it to his officer with the picker, the officer reports the
 * result, the chair accepts it: all in the web app's pages, nothing through Tasklist. Checks that the page has no
 * horizontal scroll on the phone, that every form field has a label, and that the forms work from the keyboard
 * (summary opened with Enter). Screenshots of the chair's review go to {@code target/screenshots}, and to
 * {@code docs/images} with {@code -Dscreenshots.docs=true}. Runs on the demo profile (demo accounts, H2 in memory).
 */
@BrowserTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:item-browser-test;DB_CLOSE_DELAY=-1")
class AssignmentItemBrowserTest {

    static final String PASSWORD = Browsers.PASSWORD;
    static final String CHAIR = "chair";
    static final String HEAD = "phuong-ben-thanh.head";
    static final String OFFICER = "phuong-ben-thanh.officer";
    static final Duration WAIT = Browsers.WAIT;

    @LocalServerPort
    int port;

    @Test
    void onAPhone() {
        journey(true, "Kiểm tra an toàn thực phẩm chợ Bến Thành", "web-item-phone.png");
    }

    @Test
    void onADesktop() {
        journey(false, "Rà soát biển quảng cáo đường Lê Lợi", "web-item-desktop.png");
    }

    private void journey(boolean phone, String title, String screenshot) {
        HttpClient http = new HttpClient(port);
        HttpResponse<String> created = http.post("/api/assignments", "{\"unitCode\":\"phuong-ben-thanh\",\"title\":\""
                + title + "\",\"description\":\"Kiểm tra và báo cáo kết quả về UBND Thành phố.\","
                + "\"deadlineWorkingDays\":5}", CHAIR, PASSWORD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = HttpClient.json(created.body()).get("assignmentId").asText();
        awaitOpenTask(http, id, "Task_HandleAssignment", HEAD);
        String page = "/viec/" + id;

        // The ward head receives it and delegates it to his officer with the picker (opened from the keyboard).
        WebDriver head = browser(phone);
        login(head, HEAD, page);
        waitForText(head, title);
        assertThat(bodyText(head)).contains("Hạn xử lý", "Còn 5 ngày làm việc", "Chủ tịch UBND Thành phố",
                "Giao nhiệm vụ");
        assertPhoneFriendly(head, phone);
        WebElement summary = head.findElement(By.xpath("//summary[normalize-space()='Giao lại cho phòng, ban hoặc cán bộ']"));
        scrollTo(head, summary);
        summary.sendKeys(Keys.ENTER);
        WebElement picker = new WebDriverWait(head, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("giao-cho")));
        new Select(picker).selectByValue(OFFICER);
        head.findElement(By.id("y-kien-giao")).sendKeys("Đồng chí kiểm tra, báo cáo trước thứ Sáu.");
        click(head, head.findElement(By.xpath("//button[normalize-space()='Giao lại']")));
        waitForText(head, "Đã giao lại nhiệm vụ.");
        assertThat(bodyText(head)).contains("Phân công, giao lại", "Chuyên viên Phường Bến Thành");
        awaitOpenTask(http, id, "Task_HandleAssignment", OFFICER);

        // The officer reports the result.
        WebDriver officer = browser(phone);
        login(officer, OFFICER, page);
        waitForText(officer, title);
        assertLabelled(officer);
        // the live stream's first events set the badges: the officer's work count before he reports
        new WebDriverWait(officer, WAIT).until(d -> js(d, "return document.body.getAttribute('data-live-work');")
                != null);
        long work = badge(officer, "work-badge");
        WebElement result = officer.findElement(By.id("ket-qua"));
        scrollTo(officer, result);
        result.sendKeys("Đã kiểm tra 45 quầy hàng, lập biên bản 2 trường hợp vi phạm.");
        click(officer, officer.findElement(By.xpath("//button[normalize-space()='Gửi báo cáo']")));
        waitForText(officer, "Đã gửi báo cáo kết quả.");
        awaitOpenTask(http, id, "Task_ReviewResult", CHAIR);
        // work done lowers his count live; the head's page, still open, shows the report without a reload
        new WebDriverWait(officer, WAIT).until(d -> badge(d, "work-badge") == work - 1);
        waitForText(head, "Đã kiểm tra 45 quầy hàng");
        assertThat(js(head, "return document.body.getAttribute('data-live-item-updates');")).isNotNull();

        // The chair reviews and accepts it.
        WebDriver chair = browser(phone);
        login(chair, CHAIR, page);
        waitForText(chair, "Xem xét kết quả");
        assertThat(bodyText(chair)).contains("Đã kiểm tra 45 quầy hàng", "Phân công, giao lại", "Báo cáo kết quả");
        assertPhoneFriendly(chair, phone);
        assertLabelled(chair);
        save(chair, screenshot);
        WebElement accept = chair.findElement(By.xpath("//label[normalize-space()='Chấp nhận kết quả']/input"));
        click(chair, accept);
        click(chair, chair.findElement(By.xpath("//button[normalize-space()='Gửi ý kiến']")));
        waitForText(chair, "Đã chấp nhận kết quả.");
        assertThat(bodyText(chair)).contains("Hoàn thành đúng hạn", "Chấp nhận kết quả")
                .doesNotContain("Việc cần làm");

        JsonNode detail = http.getJson("/api/assignments/" + id, CHAIR, PASSWORD);
        assertThat(detail.get("assignment").get("bucket").asText()).isEqualTo("COMPLETED_ON_TIME");
        assertThat(detail.get("trail").findValuesAsText("kind"))
                .containsExactly("ASSIGNED", "DELEGATED", "REPORTED", "ACCEPTED");
        assertThat(detail.get("openTasks")).isEmpty();
    }

    private static WebDriver browser(boolean phone) {
        return phone ? Browsers.phone() : Browsers.desktop();
    }

    /** Through the web app's login page, which sends the official on to the page he asked for. */
    private void login(WebDriver driver, String user, String page) {
        Browsers.login(driver, "http://localhost:" + port, page, user);
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().endsWith(page));
    }

    private static void waitForText(WebDriver driver, String text) {
        Browsers.waitForText(driver, text);
    }

    /** On the phone nothing is wider than the screen (no sideways scrolling). */
    private static void assertPhoneFriendly(WebDriver driver, boolean phone) {
        if (phone) {
            Long scrollWidth = (Long) js(driver, "return document.documentElement.scrollWidth;");
            Long viewport = (Long) js(driver, "return window.innerWidth;");
            assertThat(scrollWidth).as("page width on a 390 px phone").isLessThanOrEqualTo(viewport);
        }
    }

    /** Every field of the page's forms has a label a screen reader reads out. */
    private static void assertLabelled(WebDriver driver) {
        @SuppressWarnings("unchecked")
        List<String> unlabelled = (List<String>) js(driver, "return Array.from(document.querySelectorAll("
                + "'main input:not([type=hidden]), main select, main textarea')).filter(f => f.labels.length === 0"
                + " && !f.getAttribute('aria-label')).map(f => f.name || f.id);");
        assertThat(unlabelled).as("form fields without a label").isEmpty();
    }

    /** A screenshot of the whole page (beyond the viewport), as the official's screen shows it. */
    private static void save(WebDriver driver, String name) {
        Browsers.fullPageScreenshot(driver, name);
    }

    private static void click(WebDriver driver, WebElement element) {
        Browsers.click(driver, element);
    }

    private static void scrollTo(WebDriver driver, WebElement element) {
        Browsers.scrollTo(driver, element);
    }

    private static long badge(WebDriver driver, String id) {
        Object text = js(driver, "var b = document.getElementById(arguments[0]); return b ? b.textContent : '-1';", id);
        return Long.parseLong(text.toString().trim());
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return Browsers.js(driver, script, args);
    }

    private static String bodyText(WebDriver driver) {
        return Browsers.bodyText(driver);
    }

    private static void awaitOpenTask(HttpClient http, String assignmentId, String taskKey, String assignee) {
        Awaitility.await().atMost(WAIT).until(() -> {
            for (JsonNode open : http.getJson("/api/assignments/" + assignmentId, CHAIR, PASSWORD).get("openTasks")) {
                if (open.get("taskDefinitionKey").asText().equals(taskKey)
                        && assignee.equals(open.get("assignee").asText())) {
                    return true;
                }
            }
            return false;
        });
    }
}
