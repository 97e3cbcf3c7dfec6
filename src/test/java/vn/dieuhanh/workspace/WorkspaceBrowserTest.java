package vn.dieuhanh.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.dieuhanh.BrowserTest;
import vn.dieuhanh.Browsers;
import vn.dieuhanh.HttpClient;

/**
 * The web app in a real browser (Debian Chromium, headless) at phone size (390x844) and desktop size: an official
 * logs in, a newly assigned item appears in Việc của tôi, the badges of the header rise live (Server-Sent Events)
 * without a reload when work and a message arrive, and the keyboard reaches the main navigation and the first item.
 * Screenshots go to target/screenshots/, and to docs/images/ with -Dscreenshots.docs=true ({@link Browsers}). Demo
 * profile (demo accounts, H2 in memory).
 */
@BrowserTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:workspace-browser-test;DB_CLOSE_DELAY=-1")
class WorkspaceBrowserTest {

    static final String PASSWORD = Browsers.PASSWORD;
    static final String LEADER = "chair";
    static final String OFFICER = "phuong-ben-thanh.officer";
    static final Duration WAIT = Browsers.WAIT;

    @LocalServerPort
    int port;

    @Test
    void onAPhone() {
        journey(Browsers.PHONE, "webapp-phone");
    }

    @Test
    void onADesktop() {
        journey(Browsers.DESKTOP, "webapp-desktop");
    }

    private void journey(Dimension size, String screenshot) {
        WebDriver driver = Browsers.open(size);
        WebDriverWait wait = new WebDriverWait(driver, WAIT);

        // anonymous: the login page, in Vietnamese; a wrong password is answered in Vietnamese
        driver.get(url("/"));
        wait.until(ExpectedConditions.urlContains("/dang-nhap"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        login(driver, OFFICER, "sai-mat-khau");
        assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=alert]"))).getText())
                .contains("Tên đăng nhập hoặc mật khẩu không đúng");
        login(driver, OFFICER, PASSWORD);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
        assertThat(driver.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Việc của tôi");
        assertThat(driver.findElement(By.cssSelector(".app-header")).getText()).contains("Phường Bến Thành");

        // the live stream is open (its first events set the badges), then work and a message arrive
        long work = waitForBadge(driver, "work-badge");
        long unread = waitForBadge(driver, "unread-badge");
        String title = "Kiểm tra an toàn thực phẩm chợ Bến Thành " + UUID.randomUUID().toString().substring(0, 4);
        String assignmentId = assign(title);
        wait.until(d -> badge(d, "work-badge") == work + 1);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("work-changed")));
        nudge(assignmentId);
        wait.until(d -> badge(d, "unread-badge") == unread + 1);

        // the new item is in the list (after the reload the notice offers), with its deadline the Vietnamese way
        driver.findElement(By.cssSelector("#work-changed a")).click();
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("a.item-title[href='/viec/" + assignmentId + "']")));
        String row = item.findElement(By.xpath("ancestor::li")).getText();
        assertThat(row).contains(title, "Giao việc trực tiếp", "Còn 5 ngày làm việc").containsPattern(
                "Thứ (Hai|Ba|Tư|Năm|Sáu|Bảy), \\d{2}/\\d{2}/\\d{4}");

        // keyboard: Tab from the top reaches the skip link, the main navigation, then the first item
        driver.get(url("/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.item-title")));
        WebElement firstItem = driver.findElements(By.cssSelector("a.item-title")).get(0);
        List<String> focused = new ArrayList<>();
        boolean reachedNav = false;
        boolean reachedItem = false;
        for (int i = 0; i < 15 && !reachedItem; i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement active = driver.switchTo().activeElement();
            focused.add(active.getText());
            if (i == 0) {
                assertThat(active.getText()).isEqualTo("Bỏ qua, đến nội dung chính");
            }
            reachedNav |= (Boolean) js(driver, "return !!document.activeElement.closest('nav[aria-label]');");
            reachedItem = active.equals(firstItem);
        }
        assertThat(reachedNav).as("focus went through %s", focused).isTrue();
        assertThat(reachedItem).as("focus went through %s", focused).isTrue();
        // the skip link jumps to the main content
        driver.get(url("/"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a.skip-link")));
        new Actions(driver).sendKeys(Keys.TAB).perform();
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> "noi-dung".equals(js(d, "return document.activeElement.id;")));
        js(driver, "document.activeElement.blur(); window.scrollTo(0, 0);");
        save(driver, screenshot);

        // the inbox shows the nudge, the header badge follows "mark read" (htmx) without a reload
        driver.get(url("/hop-thu"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li.message.unread")));
        long before = badge(driver, "unread-badge");
        WebElement markRead = driver.findElement(By.cssSelector("li.message.unread form button"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block:'center'});", markRead);
        markRead.click();
        wait.until(d -> badge(d, "unread-badge") == before - 1);
        save(driver, screenshot + "-inbox");

        // logout
        WebElement logout = driver.findElement(By.cssSelector("form.logout button"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView();", logout);
        logout.click();
        wait.until(ExpectedConditions.urlContains("/dang-nhap"));
        assertThat(driver.getPageSource()).contains("Bạn đã đăng xuất.");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private void login(WebDriver driver, String user, String password) {
        WebElement name = new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("username")));
        name.clear();
        name.sendKeys(user);
        WebElement secret = driver.findElement(By.id("password"));
        secret.clear();
        secret.sendKeys(password);
        secret.sendKeys(Keys.ENTER);
    }

    private String assign(String title) {
        HttpClient http = new HttpClient(port);
        HttpResponse<String> created = http.post("/api/assignments", "{\"unitCode\":\"phuong-ben-thanh\",\"assignee\":\""
                + OFFICER + "\",\"title\":\"" + title + "\",\"deadlineWorkingDays\":5}", LEADER, PASSWORD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return HttpClient.json(created.body()).get("assignmentId").asText();
    }

    private void nudge(String assignmentId) {
        HttpClient http = new HttpClient(port);
        Awaitility.await().atMost(WAIT).until(() -> http.post("/api/assignments/" + assignmentId + "/nudge",
                "{\"note\":\"Đề nghị báo cáo trước cuộc họp giao ban\"}", LEADER, PASSWORD).statusCode() == 202);
    }

    private long waitForBadge(WebDriver driver, String id) {
        // app.js marks the body when the stream's first events (the current counts) arrived
        String attribute = "work-badge".equals(id) ? "data-live-work" : "data-live-unread";
        new WebDriverWait(driver, WAIT).until(d -> d.findElement(By.tagName("body")).getAttribute(attribute) != null);
        return badge(driver, id);
    }

    private static long badge(WebDriver driver, String id) {
        // read in one script: htmx may swap the badge between a findElement and a read of the found element
        Object text = ((JavascriptExecutor) driver).executeScript(
                "var badge = document.getElementById(arguments[0]); return badge ? badge.textContent : null;", id);
        if (text == null) {
            throw new org.openqa.selenium.NoSuchElementException("no #" + id);
        }
        return Long.parseLong(text.toString().trim());
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return Browsers.js(driver, script, args);
    }

    private static void save(WebDriver driver, String name) {
        Browsers.screenshot(driver, name);
    }
}
