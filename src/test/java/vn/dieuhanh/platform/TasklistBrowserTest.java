package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import vn.dieuhanh.BrowserTest;
import vn.dieuhanh.Browsers;
import vn.dieuhanh.HttpClient;

/**
 * Tasklist in a real browser (Debian Chromium, headless, Vietnamese): an official handles an assigned task through
 * its Camunda Form and the leader accepts the result. Checks the behaviour, that the pages show no English beyond
 * product names, that form-js speaks Vietnamese (docs/webapps.md) and that the Camunda 8 migration banner is off.
 * Runs on the demo profile (demo accounts, H2 in memory); skipped when Chromium or chromedriver is not installed.
 */
@BrowserTest
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:tasklist-browser-test;DB_CLOSE_DELAY=-1")
class TasklistBrowserTest {

    static final String PASSWORD = Browsers.PASSWORD;
    static final String LEADER = "chair";
    static final String OFFICER = "phuong-ben-thanh.officer";
    static final Duration WAIT = Browsers.WAIT;

    /** Common English words of web UIs (and of Camunda's and form-js's texts); any of them on a page is a leftover. */
    static final Set<String> ENGLISH = Set.of("the", "of", "and", "or", "is", "are", "with", "for", "from", "by",
            "this", "that", "your", "you", "not", "all", "task", "tasks", "claim", "unclaim", "complete", "save",
            "select", "search", "field", "required", "must", "value", "values", "minutes", "minute", "ago", "days",
            "day", "hours", "hour", "seconds", "week", "month", "months", "year", "years", "filter", "filters",
            "process", "start", "login", "logout", "username", "password", "sign", "add", "remove", "delete",
            "create", "edit", "cancel", "close", "open", "show", "hide", "more", "less", "loading", "assignee",
            "owner", "group", "groups", "due", "date", "follow", "priority", "comment", "comments", "history",
            "form", "diagram", "description", "name", "created", "sort", "new", "ok", "yes", "error", "success",
            "failure", "invalid", "please", "welcome", "help", "user", "account", "profile", "reset", "page", "next",
            "previous", "clear", "today", "now", "keyboard", "shortcuts", "results", "options", "selected",
            "maximum", "minimum", "length", "pattern", "number", "powered", "version", "migrate", "migration",
            "guide", "release", "released", "january", "february", "march", "april", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
            "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri", "sat", "sun");
    /** English-looking words that may appear: product names. */
    static final Set<String> ALLOWED = Set.of("camunda", "tasklist", "cockpit", "platform", "ce");

    @LocalServerPort
    int port;
    /** English words found, per page: collected along the way, asserted at the end so the whole journey runs. */
    final Map<String, Set<String>> english = new java.util.LinkedHashMap<>();
    final Map<String, String> pageTexts = new java.util.LinkedHashMap<>();

    @Test
    void officialReportsTheResultInTasklistAndTheLeaderAcceptsIt() {
        HttpClient http = new HttpClient(port);
        HttpResponse<String> created = http.post("/api/assignments", "{\"unitCode\":\"phuong-ben-thanh\",\"assignee\":\""
                + OFFICER + "\",\"title\":\"Kiểm tra an toàn thực phẩm chợ Bến Thành\",\"deadlineWorkingDays\":5}",
                LEADER, PASSWORD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String assignmentId = HttpClient.json(created.body()).get("assignmentId").asText();
        awaitOpenTask(http, assignmentId, "Task_HandleAssignment", OFFICER);

        // The official: the task is in his list; submitted empty, form-js says in Vietnamese what is missing.
        WebDriver officer = browser();
        login(officer, OFFICER);
        openTask(officer, "Xử lý: Kiểm tra an toàn thực phẩm chợ Bến Thành");
        assertNoEnglish(officer, "Tasklist, task open");
        click(officer, completeButton(officer));
        WebElement error = new WebDriverWait(officer, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-form-field-error")));
        new WebDriverWait(officer, WAIT).until(d -> error.getText().contains("Trường này là bắt buộc."));
        assertThat(error.getText()).doesNotContain("Field is required");
        assertNoEnglish(officer, "Tasklist, form submitted empty");

        // The extension request's date picker (flatpickr inside form-js): Vietnamese months and weekdays.
        chooseRadio(officer, "Xin gia hạn");
        WebElement date = fieldLabelled(officer, "Thời hạn đề nghị");
        scrollTo(officer, date);
        js(officer, "arguments[0].focus(); arguments[0].click();", date);
        WebElement calendar = new WebDriverWait(officer, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".flatpickr-calendar.open")));
        String calendarText = (String) js(officer, "return arguments[0].innerText + ' ' + Array.from("
                + "arguments[0].querySelectorAll('option')).map(o => o.text).join(' ');", calendar);
        assertThat(calendarText).contains("T2", "CN").doesNotContain("Mon", "Sun");
        assertThat(calendarText).containsPattern("Tháng \\d+");
        assertNoEnglish(officer, "Tasklist, date picker open");
        js(officer, "document.activeElement.blur(); document.body.click();");

        chooseRadio(officer, "Báo cáo kết quả thực hiện");
        String result = "Đã kiểm tra 45 quầy hàng, lập biên bản 2 trường hợp vi phạm.";
        WebElement summary = fieldLabelled(officer, "Kết quả thực hiện");
        scrollTo(officer, summary);
        // form-js debounces typing; leaving the field (Tab) hands the text to the form before "Hoàn thành"
        summary.sendKeys(result, Keys.TAB);
        click(officer, completeButton(officer));
        awaitTaskGone(officer, "Xử lý: Kiểm tra an toàn thực phẩm chợ Bến Thành");
        pageTexts.put("officer after completing", bodyText(officer));
        try {
            awaitOpenTask(http, assignmentId, "Task_ReviewResult", LEADER);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\nofficer's page:\n" + pageTexts.get("officer after completing"), e);
        }

        // The leader who assigned it reviews the result and accepts it.
        WebDriver leader = browser();
        login(leader, LEADER);
        openTask(leader, "Xem xét kết quả: Kiểm tra an toàn thực phẩm chợ Bến Thành");
        assertNoEnglish(leader, "Tasklist, review task open");
        chooseRadio(leader, "Chấp nhận kết quả");
        click(leader, completeButton(leader));
        awaitTaskGone(leader, "Xem xét kết quả: Kiểm tra an toàn thực phẩm chợ Bến Thành");

        JsonNode detail = Awaitility.await().atMost(WAIT).until(
                () -> http.getJson("/api/assignments/" + assignmentId, LEADER, PASSWORD),
                d -> !d.get("assignment").get("completedAt").isNull());
        assertThat(detail.get("assignment").get("bucket").asText()).isEqualTo("COMPLETED_ON_TIME");
        assertThat(detail.get("resultSummary").asText()).isEqualTo(result);
        assertThat(detail.get("openTasks")).isEmpty();

        assertThat(english).as("English words in Tasklist (page -> words); texts of those pages:%n%s",
                pageTexts.entrySet().stream().filter(e -> english.containsKey(e.getKey()))
                        .map(e -> "--- " + e.getKey() + "\n" + e.getValue())
                        .collect(java.util.stream.Collectors.joining("\n"))).isEmpty();
    }

    @Test
    void noCamunda8MigrationBannerAndNoCreateTask() {
        WebDriver officer = browser();
        login(officer, OFFICER);
        // a free task would bypass the lifecycle: the plugin is excluded (index.html, cam-exclude-plugins)
        new WebDriverWait(officer, WAIT).until(d -> bodyText(d).contains("Khởi tạo quy trình"));
        assertThat(bodyText(officer)).doesNotContain("Tạo công việc").doesNotContain("Create task");
        List<WebElement> banners = officer.findElements(By.cssSelector(".ce-eol-banner"));
        assertThat(banners).as("Camunda 8 migration banner (.ce-eol-banner) in Tasklist")
                .noneMatch(WebElement::isDisplayed);
        assertThat(bodyText(officer)).doesNotContain("Camunda 8");
    }

    /**
     * Issue 14: the leader assigning a directive in Tasklist sees the server's refusal of a wrong plan (a coordinating
     * deadline after the lead's) in Vietnamese, and the message does not cover "Hoàn thành"; he corrects the plan, then
     * confirms the deadlines the server computed in working days, and only then are the units assigned.
     */
    @Test
    void aLeaderCorrectsARefusedPlanThenConfirmsTheComputedDeadlines() {
        HttpClient http = new HttpClient(port);
        String summary = "Về tổng vệ sinh môi trường cuối năm";
        HttpResponse<String> registered = http.post("/api/directives", """
                {"source":"CITY_PEOPLES_COMMITTEE","documentNumber":"88/UBND-VX","issuedOn":"2026-11-20",
                 "summary":"%s","urgency":"URGENT"}""".formatted(summary), "office.clerk", PASSWORD);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String directiveId = HttpClient.json(registered.body()).get("directiveId").asText();

        WebDriver leader = browser();
        login(leader, LEADER);
        String assignTask = "Phân công: " + summary + " (88/UBND-VX)";
        openTask(leader, assignTask, false);
        click(leader, new WebDriverWait(leader, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("button.claim"))));
        new WebDriverWait(leader, WAIT).until(d -> completeButton(d).isEnabled());
        chooseOption(leader, fieldLabelled(leader, "Đơn vị chủ trì"), "Sở Y tế");
        type(leader, fieldLabelled(leader, "Hạn xử lý (số ngày làm việc)"), "3");
        chooseOption(leader, fieldLabelled(leader, "Đơn vị phối hợp"), "Phường Sài Gòn");
        chooseOption(leader, fieldLabelled(leader, "Đơn vị phối hợp"), "Phường Bến Thành");
        // a common coordinating deadline after the lead's: the server refuses the plan
        type(leader, fieldLabelled(leader, "Hạn phối hợp chung (số ngày làm việc, phải trước hạn chủ trì)"), "5");
        click(leader, completeButton(leader));
        WebElement toast = new WebDriverWait(leader, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".page-notifications .alert")));
        assertThat(toast.getText()).contains("phải trước hạn chủ trì");
        // the project's messages are Vietnamese first with the English in parentheses: not an English leftover
        assertCompleteButtonUncovered(leader);

        // corrected (the field cleared first: typing appends), the plan is accepted but nothing is assigned yet
        WebElement common = fieldLabelled(leader, "Hạn phối hợp chung (số ngày làm việc, phải trước hạn chủ trì)");
        scrollTo(leader, common);
        common.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        type(leader, common, "2");
        click(leader, completeButton(leader));
        awaitTaskGone(leader, assignTask);
        assertThat(http.getJson("/api/assignments?directive=" + directiveId, LEADER, PASSWORD).size()).isZero();

        // the same leader reads every unit's deadline computed in working days, and confirms
        String confirmTask = "Xác nhận phân công: " + summary + " (88/UBND-VX)";
        openTask(leader, confirmTask);
        String preview = String.valueOf(fieldLabelled(leader, "Phân công và hạn xử lý đã tính").getDomProperty("value"));
        assertThat(preview).contains("Đơn vị chủ trì: Sở Y tế — hạn hết ngày", "(3 ngày làm việc)",
                "Đơn vị phối hợp: Phường Sài Gòn — hạn hết ngày", "Đơn vị phối hợp: Phường Bến Thành — hạn hết ngày",
                "(2 ngày làm việc)");
        // the form and its preview (the earlier refusal's toast, Vietnamese with English in parentheses, may linger)
        assertNoEnglish("Tasklist, confirming the computed deadlines",
                leader.findElement(By.cssSelector(".fjs-container")).getText() + "\n" + preview);
        click(leader, leader.findElement(By.xpath(
                "//label[normalize-space()='Xác nhận, giao nhiệm vụ cho các đơn vị']")));
        click(leader, completeButton(leader));
        awaitTaskGone(leader, confirmTask);
        new WebDriverWait(leader, WAIT).until(d -> http.getJson("/api/assignments?directive=" + directiveId, LEADER,
                PASSWORD).size() == 3);

        assertThat(english).as("English words (page -> words): %s", pageTexts).isEmpty();
    }

    /**
     * Issue 14: in the instant-assignment start form, Escape in the unit dropdown closes only the dropdown, and
     * "Giao trực tiếp cho cán bộ" suggests the officials of the chosen unit, only where the user may assign.
     */
    @Test
    void instantAssignmentSuggestsOfficialsAndEscapeInADropdownKeepsTheStartForm() {
        String head = "phuong-ben-thanh.head";
        WebDriver driver = browser();
        login(driver, head);
        click(driver, new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//a[normalize-space()='Khởi tạo quy trình']"))));
        click(driver, new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'modal-content')]//ul[contains(@class,'processes')]//a["
                        + "normalize-space()='Giao việc ngay']"))));
        WebElement unit = fieldLabelled(driver, "Đơn vị thực hiện");
        click(driver, unit);
        unit.sendKeys("Phường Bến");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-dropdownlist")));
        unit.sendKeys(Keys.ESCAPE);
        new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.cssSelector(".fjs-dropdownlist")).stream()
                .noneMatch(WebElement::isDisplayed));
        assertThat(driver.findElements(By.cssSelector(".modal-content .fjs-container"))).as("start form after Escape")
                .hasSize(1);

        chooseOption(driver, fieldLabelled(driver, "Đơn vị thực hiện"), "Phường Bến Thành");
        WebElement assignee = fieldLabelled(driver, "Giao trực tiếp cho cán bộ (không bắt buộc)");
        click(driver, assignee);
        assignee.sendKeys("officer");
        new WebDriverWait(driver, WAIT).until(d -> js(d, "var l = document.getElementById(arguments[0].getAttribute("
                + "'list')); return l ? Array.from(l.options).map(o => o.value).join(',') : '';", assignee)
                .toString().contains(OFFICER));
        assertNoEnglish(driver, "Tasklist, instant assignment with suggestions");
        // the suggestions answer with the Tasklist login, and only for units this head may assign to
        Object foreign = ((JavascriptExecutor) driver).executeAsyncScript("var done = arguments[0];"
                + "fetch('/tasklist-forms/assignable-officials?unit=so-y-te&q=', {credentials: 'same-origin'})"
                + ".then(r => done(r.status));");
        assertThat(((Number) foreign).intValue()).isEqualTo(403);
        HttpResponse<String> anonymous = new HttpClient(port).getWithCookies(
                "/tasklist-forms/assignable-officials?unit=phuong-ben-thanh", "JSESSIONID=none");
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(english).as("English words (page -> words): %s", pageTexts).isEmpty();
    }

    private void chooseOption(WebDriver driver, WebElement input, String label) {
        click(driver, input);
        if (!String.valueOf(input.getDomProperty("value")).isEmpty()) {
            // a select showing text (e.g. left after Escape); a tag list's input is empty (Backspace removes a tag)
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        }
        input.sendKeys(label);
        WebElement item = new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//*[contains(@class,'fjs-dropdownlist-item') and normalize-space()='" + label + "']")));
        js(driver, "arguments[0].dispatchEvent(new MouseEvent('mousedown', {bubbles: true}));", item);
        new WebDriverWait(driver, WAIT).until(d -> d.findElements(By.xpath("//*[contains(@class,"
                + "'fjs-dropdownlist-item') and normalize-space()='" + label + "']")).isEmpty()
                || js(d, "return arguments[0].value;", input).toString().contains(label)
                || bodyText(d).contains(label));
        input.sendKeys(Keys.TAB);
    }

    private static void type(WebDriver driver, WebElement input, String text) {
        scrollTo(driver, input);
        input.sendKeys(text, Keys.TAB);
    }

    /** The page's notification (toast) must not cover "Hoàn thành": the button is what the user clicks next. */
    private static void assertCompleteButtonUncovered(WebDriver driver) {
        WebElement button = completeButton(driver);
        scrollTo(driver, button);
        Object onTop = js(driver, "var r = arguments[0].getBoundingClientRect();"
                + "var e = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
                + "return e === arguments[0] || arguments[0].contains(e);", button);
        assertThat(onTop).as("\"Hoàn thành\" uncovered while a message is shown").isEqualTo(true);
    }

    private static WebDriver browser() {
        return Browsers.desktop();
    }

    private void login(WebDriver driver, String user) {
        driver.get("http://localhost:" + port + "/camunda/app/tasklist/");
        WebDriverWait wait = new WebDriverWait(driver, WAIT);
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("input[ng-model='username']")));
        assertThat((String) js(driver, "return navigator.languages[0];")).isEqualTo("vi-VN");
        assertNoEnglish(driver, "Tasklist login page");
        name.sendKeys(user);
        driver.findElement(By.cssSelector("input[ng-model='password']")).sendKeys(PASSWORD);
        click(driver, driver.findElement(By.cssSelector("form[name='signinForm'] button[type='submit']")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list, .task-filter-hint, .well")));
    }

    private void openTask(WebDriver driver, String taskName) {
        openTask(driver, taskName, true);
    }

    /** Opens the task; {@code claimed}: wait until its form can be completed (an unclaimed task's cannot). */
    private void openTask(WebDriver driver, String taskName, boolean claimed) {
        WebElement link = new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space()='"
                        + taskName + "']")));
        click(driver, link);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".fjs-container .fjs-form")));
        if (claimed) {
            new WebDriverWait(driver, WAIT).until(d -> completeButton(d).isEnabled());
        }
    }

    private static WebElement completeButton(WebDriver driver) {
        return driver.findElement(By.cssSelector(".form-actions button.btn-primary"));
    }

    private void awaitTaskGone(WebDriver driver, String taskName) {
        By link = By.xpath("//ol[contains(@class,'tasks-list')]//h4[contains(@class,'task')]/a[normalize-space()='"
                + taskName + "']");
        try {
            new WebDriverWait(driver, WAIT).until(d -> d.findElements(link).isEmpty());
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("\"" + taskName + "\" still in the list after " + WAIT + "; page:\n"
                    + bodyText(driver), e);
        }
    }

    private void chooseRadio(WebDriver driver, String label) {
        WebElement option = new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'fjs-form-field-radio')]//label[normalize-space()='" + label + "']")));
        List<WebElement> inputs = option.findElements(By.tagName("input"));
        WebElement input = inputs.isEmpty()
                ? driver.findElement(By.id(option.getAttribute("for"))) : inputs.get(0);
        click(driver, input);
        new WebDriverWait(driver, WAIT).until(d -> input.isSelected());
    }

    private WebElement fieldLabelled(WebDriver driver, String label) {
        return fieldLabelled(driver, label, 0);
    }

    /** The field of the n-th label with this text (0 = first). */
    private WebElement fieldLabelled(WebDriver driver, String label, int index) {
        // a required field's label ends with an asterisk element: compare the label's own text
        By xpath = By.xpath("//div[contains(@class,'fjs-form-field')]//label[normalize-space(text())='" + label + "']");
        new WebDriverWait(driver, WAIT).until(d -> d.findElements(xpath).size() > index);
        return driver.findElement(By.id(driver.findElements(xpath).get(index).getAttribute("for")));
    }

    /** Tasklist's footer may cover buttons: scroll them into view and click through JavaScript. */
    private static void click(WebDriver driver, WebElement element) {
        scrollTo(driver, element);
        js(driver, "arguments[0].click();", element);
    }

    private static void scrollTo(WebDriver driver, WebElement element) {
        Browsers.scrollTo(driver, element);
    }

    private static Object js(WebDriver driver, String script, Object... args) {
        return Browsers.js(driver, script, args);
    }

    private static String bodyText(WebDriver driver) {
        return Browsers.bodyText(driver);
    }

    /** Records the English words in the page's visible text (product names and codes allowed). */
    private void assertNoEnglish(WebDriver driver, String page) {
        assertNoEnglish(page, bodyText(driver));
    }

    private void assertNoEnglish(String page, String text) {
        Set<String> offenders = new LinkedHashSet<>();
        for (String token : text.split("[^\\p{L}]+")) {
            String word = token.toLowerCase(Locale.ROOT);
            if (ENGLISH.contains(word) && !ALLOWED.contains(word)) {
                offenders.add(token);
            }
        }
        if (!offenders.isEmpty()) {
            english.computeIfAbsent(page, p -> new LinkedHashSet<>()).addAll(offenders);
            pageTexts.put(page, text);
        }
    }

    private static void awaitOpenTask(HttpClient http, String assignmentId, String taskKey, String assignee) {
        JsonNode[] last = new JsonNode[1];
        try {
            Awaitility.await().atMost(WAIT).until(() -> {
                last[0] = http.getJson("/api/assignments/" + assignmentId, LEADER, PASSWORD);
                for (JsonNode open : last[0].get("openTasks")) {
                    if (open.get("taskDefinitionKey").asText().equals(taskKey)
                            && assignee.equals(open.get("assignee").asText())) {
                        return true;
                    }
                }
                return false;
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("No " + taskKey + " for " + assignee + " within " + WAIT + "; assignment: "
                    + last[0], e);
        }
    }
}
