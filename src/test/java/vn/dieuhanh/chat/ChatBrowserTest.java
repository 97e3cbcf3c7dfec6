package vn.dieuhanh.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dieuhanh.Browsers.js;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.dieuhanh.BrowserTest;
import vn.dieuhanh.Browsers;

/**
 * Two officials chat in two real browsers (Debian Chromium, headless, phone size): the City PC chair opens a direct
 * conversation with a ward officer from Trò chuyện; the officer's open list learns of it live; on the conversation
 * page each sees the other's messages arrive without a reload (Server-Sent Events {@code /tro-chuyen/su-kien}), with
 * a linked record shown as a card. Demo profile (demo accounts, H2 in memory, so the migration runs on H2 too);
 * skipped without Chromium and chromedriver. Screenshots go to target/screenshots/.
 */
@BrowserTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:chat-browser-test;DB_CLOSE_DELAY=-1")
class ChatBrowserTest {

    static final String PASSWORD = Browsers.PASSWORD;
    static final String LEADER = "chair";
    static final String OFFICER = "phuong-ben-thanh.officer";

    @LocalServerPort
    int port;

    @Test
    void twoOfficialsChatAndSeeEachOthersMessagesLive() throws IOException {
        WebDriver officer = Browsers.phone();
        WebDriver leader = Browsers.phone();
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
        return Browsers.waiting(driver);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static void save(WebDriver driver, String name) {
        Browsers.screenshot(driver, name);
    }
}
