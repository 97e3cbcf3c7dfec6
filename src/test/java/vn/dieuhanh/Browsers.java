package vn.dieuhanh;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' driver factory and helpers ({@link BrowserTest}): headless Debian Chromium in Vietnamese (time
 * zone Asia/Ho_Chi_Minh), at phone size (390x844, mobile emulation with touch) or desktop size; screenshots to
 * {@code target/screenshots}, and to {@code docs/images} only with {@code -Dscreenshots.docs=true} (a test run leaves
 * the docs alone); generous waits (the machine running them is often loaded); values read through JavaScript in one
 * call, so htmx swapping an element between a find and a read cannot make a test flaky.
 */
public final class Browsers {

    public static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("webdriver.chrome.driver",
            "/usr/bin/chromedriver"));
    /** The demo accounts' password. */
    public static final String PASSWORD = "demo";
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 900);
    /** How long a wait may take: generous, other builds may share the machine's two cores. */
    public static final Duration WAIT = Duration.ofSeconds(Long.getLong("browser.wait-seconds", 120));

    private static final List<WebDriver> OPEN = new ArrayList<>();

    private Browsers() {
    }

    /** Whether Debian's Chromium and chromedriver are installed ({@code @EnabledIf} of {@link BrowserTest}). */
    public static boolean installed() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static WebDriver phone() {
        return open(PHONE);
    }

    public static WebDriver desktop() {
        return open(DESKTOP);
    }

    /** A new browser window of this size (narrower than 500 px: a phone, emulated with touch); closed after the test. */
    public static WebDriver open(Dimension size) {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .withEnvironment(Map.of("TZ", "Asia/Ho_Chi_Minh", "LANGUAGE", "vi"))
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--lang=vi-VN", "--window-size=" + size.getWidth() + "," + size.getHeight(),
                "--hide-scrollbars", "--force-device-scale-factor=1");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi-VN,vi"));
        if (size.getWidth() < 500) {
            options.setExperimentalOption("mobileEmulation", Map.of("deviceMetrics", Map.of("width", size.getWidth(),
                    "height", size.getHeight(), "pixelRatio", 1.0, "touch", true)));
        }
        WebDriver driver = new ChromeDriver(service, options);
        synchronized (OPEN) {
            OPEN.add(driver);
        }
        return driver;
    }

    /** Closes every browser opened since the last call (after each test of a {@link BrowserTest}). */
    public static void quitAll() {
        List<WebDriver> drivers;
        synchronized (OPEN) {
            drivers = new ArrayList<>(OPEN);
            OPEN.clear();
        }
        for (WebDriver driver : drivers) {
            try {
                driver.quit();
            } catch (RuntimeException e) {
                // already gone: nothing to close
            }
        }
    }

    /** The JUnit extension {@link BrowserTest} registers. */
    public static final class QuitAfterEach implements AfterEachCallback {
        @Override
        public void afterEach(ExtensionContext context) {
            quitAll();
        }
    }

    /** A wait of {@link #WAIT} that tolerates htmx replacing what it looks at. */
    public static WebDriverWait waiting(WebDriver driver) {
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Waits until the page's visible text contains {@code text}; on failure the message shows the page. */
    public static void waitForText(WebDriver driver, String text) {
        try {
            waiting(driver).until(d -> bodyText(d).contains(text));
        } catch (TimeoutException e) {
            throw new AssertionError("\"" + text + "\" not shown within " + WAIT + "; page:\n" + bodyText(driver), e);
        }
    }

    /**
     * Signs in through the web app's login page at {@code base + path}, which sends the official on to the page asked
     * for; returns when the browser has left the login page.
     */
    public static void login(WebDriver driver, String base, String path, String user) {
        driver.get(base + path);
        WebElement name = waiting(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        name.clear();
        name.sendKeys(user);
        WebElement password = driver.findElement(By.id("password"));
        password.clear();
        password.sendKeys(PASSWORD, Keys.ENTER);
        waiting(driver).until(d -> !d.getCurrentUrl().contains("/dang-nhap"));
    }

    public static Object js(WebDriver driver, String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public static String bodyText(WebDriver driver) {
        return (String) js(driver, "return document.body.innerText;");
    }

    public static void scrollTo(WebDriver driver, WebElement element) {
        js(driver, "arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** Scrolls the element to the middle of the window, then clicks it as a user would. */
    public static void click(WebDriver driver, WebElement element) {
        scrollTo(driver, element);
        element.click();
    }

    /** The viewport as the official sees it, saved as {@code name}.png. */
    public static void screenshot(WebDriver driver, String name) {
        save(((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES), name);
    }

    /** The whole page, beyond the viewport, saved as {@code name}.png. */
    public static void fullPageScreenshot(WebDriver driver, String name) {
        ChromeDriver chrome = (ChromeDriver) driver;
        Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
        Number width = (Number) js(driver, "return window.innerWidth;");
        Map<String, Object> clip = Map.of("x", 0, "y", 0, "width", width,
                "height", ((Number) size.get("height")).doubleValue(), "scale", 1);
        Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot",
                Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        save(Base64.getDecoder().decode((String) shot.get("data")), name);
    }

    private static void save(byte[] png, String name) {
        String file = name.endsWith(".png") ? name : name + ".png";
        try {
            Path target = Path.of("target", "screenshots", file);
            Files.createDirectories(target.getParent());
            Files.write(target, png);
            if (Boolean.getBoolean("screenshots.docs")) {
                Files.write(Path.of("docs", "images", file), png);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
