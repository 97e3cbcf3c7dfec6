package vn.dieuhanh.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestExecutionListeners;
import org.springframework.test.context.TestExecutionListeners.MergeMode;
import vn.dieuhanh.EngineRegistration;

/**
 * Two officials chat in two real browsers (Debian Chromium, headless, phone size): the City PC chair opens a direct
 * conversation with a ward officer from Trò chuyện; the officer's open list learns of it live; on the conversation
 * page each sees the other's messages arrive without a reload (Server-Sent Events {@code /tro-chuyen/su-kien}), with
 * a linked record shown as a card. Demo profile (demo accounts, H2 in memory, so the migration runs on H2 too);
 * skipped without Chromium and chromedriver. Screenshots go to target/screenshots/.
 */
@Tag("browser")
@EnabledIf(value = "browserInstalled", disabledReason = "Browser tests skipped: Chromium or chromedriver missing ("
        + "/usr/bin/chromium, /usr/bin/chromedriver). Install Debian's chromium and chromium-driver")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:chat-browser-test;DB_CLOSE_DELAY=-1")
@TestExecutionListeners(listeners = EngineRegistration.class, mergeMode = MergeMode.MERGE_WITH_DEFAULTS)
class ChatBrowserTest {

    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    static final String PASSWORD = "demo";
    static final String LEADER = "chair";
    static final String OFFICER = "phuong-ben-thanh.officer";
    static final Duration WAIT = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    final List<WebDriver> drivers = new ArrayList<>();

    static boolean browserInstalled() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    @AfterEach
    void quit() {
        drivers.forEach(WebDriver::quit);
    }

    @Test
    void twoOfficialsChatAndSeeEachOthersMessagesLive() throws IOException {
        WebDriver officer = browser();
        WebDriver leader = browser();
        signIn(officer, OFFICER);
        signIn(leader, LEADER);

        // the officer waits on his list, live
        officer.get(url("/tro-chuyen"));
        waitFor(officer).until(d -> "1".equals(js(d, "return document.body.getAttribute('data-chat-live');")));
        assertThat(officer.findElement(By.cssSelector("main h1")).getText()).isEqualTo("Trò chuyện");
        assertThat(officer.findElement(By.cssSelector(".app-nav a[aria-current=page]")).getText()).isEqualTo("Trò chuyện");

        // the chair opens a direct conversation with him and writes
        leader.get(url("/tro-chuyen"));
        WebElement direct = leader.findElement(By.cssSelector("details.hanh-dong summary"));
        direct.click();
        leader.findElement(By.id("nguoi-nhan")).sendKeys(OFFICER);
        leader.findElement(By.id("nguoi-nhan")).sendKeys(Keys.ENTER);
        waitFor(leader).until(ExpectedConditions.urlMatches(".*/tro-chuyen/\\d+$"));
        String conversation = leader.getCurrentUrl().replaceAll(".*/tro-chuyen/", "");
        waitFor(leader).until(d -> "1".equals(js(d, "return document.body.getAttribute('data-chat-live');")));
        String first = "Đề nghị phường báo cáo tình hình chợ Bến Thành " + UUID.randomUUID().toString().substring(0, 6);
        send(leader, first + " chi-tieu:KT-01");
        waitFor(leader).until(d -> lastMessageText(d).equals(first + " chi-tieu:KT-01"));

        // the officer's list learns of it without a reload; he opens it
        waitFor(officer).until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-changed")));
        officer.get(url("/tro-chuyen/" + conversation));
        waitFor(officer).until(d -> "1".equals(js(d, "return document.body.getAttribute('data-chat-live');")));
        assertThat(lastMessageText(officer)).isEqualTo(first + " chi-tieu:KT-01");
        assertThat(officer.findElement(By.cssSelector("h1")).getText()).isEqualTo("Chủ tịch UBND Thành phố");
        // the linked indicator is shown as a card
        assertThat(officer.findElement(By.cssSelector("#tin-nhan li.chat-tin .the-ban-ghi")).getText())
                .contains("Chỉ tiêu", "Thu ngân sách nhà nước", "Hằng tháng");

        // each sees the other's next message arrive live
        String reply = "Phường đã nhận, sẽ báo cáo trước 16 giờ";
        send(officer, reply);
        waitFor(leader).until(d -> lastMessageText(d).equals(reply));
        String second = "Cảm ơn, @" + OFFICER + " nhớ gửi kèm hình ảnh";
        send(leader, second);
        waitFor(officer).until(d -> lastMessageText(d).equals(second));
        // the event itself carries the author's name intact (UTF-8)
        assertThat(js(officer, "return document.body.getAttribute('data-chat-last-author');"))
                .isEqualTo("Chủ tịch UBND Thành phố");
        assertThat(js(officer, "return document.querySelectorAll('#tin-nhan li.chat-tin').length;")).isEqualTo(3L);

        // the chair attaches a PDF through the page's form (multipart, CSRF field); it reaches the officer live
        Path pdf = Files.createTempFile("bien-ban", ".pdf");
        Files.writeString(pdf, "%PDF-1.4\n%%EOF\n");
        WebElement upload = leader.findElement(By.cssSelector("form[enctype='multipart/form-data']"));
        js(leader, "arguments[0].closest('details').open = true;", upload);
        upload.findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toAbsolutePath().toString());
        upload.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(officer).until(d -> Boolean.TRUE.equals(js(d,
                "return !!document.querySelector('#tin-nhan li.chat-tin .chat-tep a[href^=\"/tro-chuyen/tep/\"]');")));
        assertThat(lastMessageText(officer)).startsWith("📎 bien-ban");
        Files.deleteIfExists(pdf);
        save(officer, "chat-phone");
        save(leader, "chat-phone-leader");
    }

    private void send(WebDriver driver, String text) {
        WebElement box = driver.findElement(By.id("noi-dung-tin"));
        box.clear();
        box.sendKeys(text);
        driver.findElement(By.cssSelector("#soan-tin button[type=submit]")).click();
        waitFor(driver).until(d -> "".equals(js(d, "return document.getElementById('noi-dung-tin').value;")));
    }

    private static String lastMessageText(WebDriver driver) {
        Object text = js(driver, "var items = document.querySelectorAll('#tin-nhan li.chat-tin .van-ban');"
                + " return items.length ? items[items.length - 1].textContent : '';");
        return text == null ? "" : text.toString().trim();
    }

    private void signIn(WebDriver driver, String user) {
        driver.get(url("/dang-nhap"));
        WebElement name = waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.sendKeys(user);
        WebElement secret = driver.findElement(By.id("password"));
        secret.sendKeys(PASSWORD);
        secret.sendKeys(Keys.ENTER);
        waitFor(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
    }

    private static WebDriverWait waitFor(WebDriver driver) {
        return new WebDriverWait(driver, WAIT);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private void save(WebDriver driver, String name) throws IOException {
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Path target = Path.of("target/screenshots", name + ".png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriver browser() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .withEnvironment(Map.of("TZ", "Asia/Ho_Chi_Minh", "LANGUAGE", "vi"))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        Dimension size = new Dimension(390, 844);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=vi-VN", "--window-size=" + size.getWidth() + "," + size.getHeight(),
                "--hide-scrollbars", "--force-device-scale-factor=1");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
        options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics",
                Map.of("width", size.getWidth(), "height", size.getHeight(), "pixelRatio", 1.0, "touch", true)));
        WebDriver driver = new ChromeDriver(service, options);
        drivers.add(driver);
        return driver;
    }
}
