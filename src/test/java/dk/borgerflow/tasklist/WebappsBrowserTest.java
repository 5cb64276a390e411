package dk.borgerflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.HeadlessChromium;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Camunda's pages made ours (issue 14), in headless Chromium: Tasklist, Cockpit, Admin and the welcome
 * page without the "migrate to Camunda 8" banner and named Borgerflow; Tasklist in the worker's language
 * (Danish for Slagelse, Swedish with Swedish forms for Spånga-Tensta), whatever the browser prefers.
 */
@BorgerflowTest
@EnabledIf(value = "dk.borgerflow.testsupport.HeadlessChromium#isInstalled", disabledReason = "Browser test skipped: "
        + "/usr/bin/chromedriver or /usr/bin/chromium is missing; run .ci/install-browser (Debian chromium + chromium-driver)")
class WebappsBrowserTest {

    static final String DANISH_BROWSER = "da-DK,da";
    static final String ENGLISH_BROWSER = "en-US,en";
    static final By BANNER = By.cssSelector(".ce-eol-banner");
    static final By USERNAME = By.cssSelector("form[name=signinForm] input[ng-model=username]");
    static final By LOGGED_IN = By.cssSelector("[cam-widget-header] a[ng-click='logout()']");

    @LocalServerPort
    int port;
    @Autowired
    TestRestTemplate http;
    @Autowired
    TaskService tasks;
    @Autowired
    org.camunda.bpm.engine.ManagementService management;
    @Autowired
    ObjectMapper json;

    final List<WebDriver> browsers = new ArrayList<>();

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(
            () -> browsers.isEmpty() ? null : browsers.get(browsers.size() - 1));

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void slagelsesAgentWorksInADanishBorgerflowTasklistWithoutBannerEvenInAnEnglishBrowser() throws Exception {
        List<String> summaries = List.of("Spørger til boligstøtte efter flytning (browsertest)",
                "Mangler svar om pas til barn (browsertest)", "Vil bestille tid i Borgerservice (browsertest)");
        List<String> processes = new ArrayList<>();
        for (String summary : summaries) {
            processes.add(createInquiry("agent-slagelse", """
                    {"municipality":"slagelse","channel":"EMAIL","topic":"housing-benefit","summary":"%s",
                     "citizen":{"name":"Mette Jensen","email":"mette@example.org"}}""".formatted(summary)));
        }
        WebDriver browser = browser(ENGLISH_BROWSER);
        TasklistPage tasklist = new TasklistPage(browser, baseUrl()).open();
        // before login the browser's language: English
        assertThat(tasklist.logInButtonText()).isEqualTo("Log in");
        assertNoBanner(browser);

        tasklist.logIn("agent-slagelse", "demo");
        waitForLanguage(browser, "da");
        assertThat(browser.getTitle()).isEqualTo("Borgerflow Tasklist");
        assertNoBanner(browser);
        tasklist.openFilter("Min gruppes opgaver");
        assertThat(String.join("\n", tasklist.listedTasks())).contains("Slagelse Kommune");
        for (String process : processes) {
            assertThat(groupFilterTaskIds("agent-slagelse")).contains(openTaskOf(process));
        }
        tasklist.openTask(openTaskOf(processes.get(0)));
        assertThat(tasklist.openTaskName()).isEqualTo("Besvar henvendelsen");
        assertThat(claimButtonText(browser)).isEqualTo("Tag opgaven");
        assertThat(formText(browser)).contains("Løs henvendelsen ved første kontakt").contains("Udfald");
        assertNoBanner(browser);
    }

    @Test
    void spangaTenstasAgentWorksInSwedishWithSwedishFormsEvenInADanishBrowser() throws Exception {
        String process = createInquiry("agent-spanga-tensta", """
                {"municipality":"spanga-tensta","channel":"PHONE","topic":"housing-benefit",
                 "summary":"Frågar om bostadsbidrag efter flytt (webbläsartest)",
                 "citizen":{"name":"Anna Lindqvist","phone":"+46 701234567"}}""");
        WebDriver browser = browser(DANISH_BROWSER);
        TasklistPage tasklist = new TasklistPage(browser, baseUrl()).open();
        assertThat(tasklist.logInButtonText()).isEqualTo("Log ind");

        tasklist.logIn("agent-spanga-tensta", "demo");
        waitForLanguage(browser, "sv");
        assertThat(browser.getTitle()).isEqualTo("Borgerflow Tasklist");
        assertNoBanner(browser);
        tasklist.openFilter("Min gruppes opgaver").openTask(openTaskOf(process));
        assertThat(claimButtonText(browser)).isEqualTo("Ta uppgiften");
        assertThat(formText(browser)).contains("Besvara ärendet").contains("Utfall")
                .contains("Lämna över till medborgarkontoret").doesNotContain("Udfald");
        keepScreenshot(browser, "tasklist-spanga-tensta-swedish");

        // a reload while logged in starts in Swedish right away (config.js asks before Tasklist boots)
        browser.navigate().refresh();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(presenceOfElementLocated(LOGGED_IN));
        waitForLanguage(browser, "sv");
        assertThat(claimButtonText(browser)).isEqualTo("Ta uppgiften");

        // logging out says goodbye in Swedish; the next worker at this browser gets their own language
        tasklist.logOut();
        assertThat(tasklist.logInButtonText()).isEqualTo("Logga in");
        tasklist.logIn("agent-slagelse", "demo");
        waitForLanguage(browser, "da");
        assertThat(browser.findElement(By.cssSelector("[cam-tasklist-filters]")).getText()).contains("Min gruppes opgaver");
    }

    @Test
    void theDeskReadsInTheEscalatedTasksFormWhyItCame() throws Exception {
        String process = createInquiry("agent-slagelse", """
                {"municipality":"slagelse","channel":"EMAIL","topic":"pension",
                 "summary":"Har ikke fået svar om folkepension (browsertest)","citizen":{"name":"Jens Hansen",
                 "email":"jens@example.org"}}""");
        Task atContactCenter = tasks.createTaskQuery().processInstanceId(process).singleResult();
        // the contact center's deadline passes: the engine moves the inquiry up to Borgerservice
        try {
            org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                    atContactCenter.getDueDate().toInstant().plusSeconds(60)));
            for (int i = 0; i < 10; i++) {
                List<org.camunda.bpm.engine.runtime.Job> due = management.createJobQuery().processInstanceId(process)
                        .duedateLowerThan(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime()).listPage(0, 1);
                if (due.isEmpty()) {
                    break;
                }
                management.executeJob(due.get(0).getId());
            }
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        Task atDesk = tasks.createTaskQuery().processInstanceId(process).singleResult();
        assertThat(atDesk.getTaskDefinitionKey()).isEqualTo("Task_HandleAtDesk");

        WebDriver browser = browser(DANISH_BROWSER);
        TasklistPage tasklist = new TasklistPage(browser, baseUrl()).open().logIn("desk-slagelse", "demo")
                .openFilter("Eskaleret").openTask(atDesk.getId());
        assertThat(tasklist.openTaskName()).isEqualTo("Betjen borgeren i Borgerservice");
        WebElement forlob = new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> d.findElements(By.xpath(
                "//form[contains(@class,'fjs-form')]//label[@for][starts-with(normalize-space(.), 'Forløb')]"))
                .stream().findFirst().map(label -> d.findElement(By.id(label.getAttribute("for")))).orElse(null));
        assertThat(forlob.getDomProperty("value")).startsWith("Eskaleret ")
                .contains("fra Kontaktcenter til Borgerservice").contains("Forløbet indtil nu:");
        assertThat(forlob.getDomProperty("readOnly")).isEqualTo("true");
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", forlob);
        keepScreenshot(browser, "tasklist-desk-forlob");
    }

    @Test
    void cockpitAdminAndTheWelcomePageAreBorgerflowWithoutBanner() throws Exception {
        WebDriver browser = browser(DANISH_BROWSER);
        logInTo(browser, "cockpit", "owner");
        assertThat(browser.getTitle()).startsWith("Borgerflow Cockpit");
        assertNoBanner(browser);
        keepScreenshot(browser, "cockpit-owner");

        WebDriver asAdmin = browser(DANISH_BROWSER);
        logInTo(asAdmin, "admin", "admin");
        assertThat(asAdmin.getTitle()).startsWith("Borgerflow Admin");
        assertNoBanner(asAdmin);
        asAdmin.get(baseUrl() + "/camunda/app/welcome/default/");
        new WebDriverWait(asAdmin, Duration.ofSeconds(30)).until(presenceOfElementLocated(LOGGED_IN));
        new WebDriverWait(asAdmin, Duration.ofSeconds(30)).until(d -> d.getTitle().startsWith("Borgerflow Welcome"));
        assertNoBanner(asAdmin);
    }

    /** The banner's element may be rendered (Camunda's header always does), but nobody sees it. */
    private static void assertNoBanner(WebDriver browser) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(presenceOfElementLocated(By.cssSelector("[cam-widget-header]")));
        assertThat(browser.findElements(BANNER)).allSatisfy(banner -> {
            assertThat(banner.isDisplayed()).as("banner shown: %s", banner.getText()).isFalse();
            assertThat(banner.getSize().getHeight()).isZero();
        });
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("Camunda 8");
    }

    private void logInTo(WebDriver browser, String app, String user) {
        browser.get(baseUrl() + "/camunda/app/" + app + "/");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(visibilityOfElementLocated(USERNAME)).sendKeys(user);
        browser.findElement(By.cssSelector("form[name=signinForm] input[ng-model=password]")).sendKeys("demo");
        browser.findElement(By.cssSelector("form[name=signinForm] button[type=submit]")).click();
        wait.until(presenceOfElementLocated(LOGGED_IN));
        wait.until(d -> d.getTitle().startsWith("Borgerflow"));
    }

    /** Tasklist's current language ($translate), once it has settled on {@code language}. */
    private static void waitForLanguage(WebDriver browser, String language) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> language.equals(((JavascriptExecutor) d)
                .executeScript("var i = window.angular && angular.element(document.body).injector();"
                        + " return i ? i.get('$translate').use() : null;")));
    }

    private static String claimButtonText(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> {
            List<WebElement> claim = d.findElements(By.cssSelector(".task-card button.claim"));
            return claim.isEmpty() || claim.get(0).getText().isBlank() ? null : claim.get(0).getText().trim();
        });
    }

    private static String formText(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(visibilityOfElementLocated(By.cssSelector("[cam-tasklist-form] form.fjs-form"))).getText();
    }

    /** Saves what the browser shows (target/screenshots, for docs/tasklist.md), also when the test passes. */
    private static void keepScreenshot(WebDriver browser, String name) throws java.io.IOException {
        java.nio.file.Files.createDirectories(ScreenshotOnFailure.DIRECTORY);
        java.nio.file.Files.copy(((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(
                org.openqa.selenium.OutputType.FILE).toPath(), ScreenshotOnFailure.DIRECTORY.resolve(name + ".png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private WebDriver browser(String language) {
        WebDriver browser = HeadlessChromium.start(language);
        browsers.add(browser);
        return browser;
    }

    private String baseUrl() {
        return "http://localhost:" + port;
    }

    private String openTaskOf(String processInstanceId) {
        Task task = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult();
        assertThat(task).isNotNull();
        return task.getId();
    }

    /** The ids of all tasks the user's "Min gruppes opgaver" filter lists, asked as that user over engine-rest. */
    private List<String> groupFilterTaskIds(String user) throws Exception {
        ResponseEntity<String> filters = http.withBasicAuth(user, "demo")
                .getForEntity("/engine-rest/filter?name={name}", String.class, "Min gruppes opgaver");
        String filterId = json.readTree(filters.getBody()).get(0).get("id").asText();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> listed = http.withBasicAuth(user, "demo").postForEntity(
                "/engine-rest/filter/" + filterId + "/list?maxResults=10000", new HttpEntity<>("{}", headers), String.class);
        assertThat(listed.getStatusCode()).isEqualTo(HttpStatus.OK);
        List<String> ids = new ArrayList<>();
        json.readTree(listed.getBody()).forEach(task -> ids.add(task.get("id").asText()));
        return ids;
    }

    private String createInquiry(String user, String body) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> created = http.withBasicAuth(user, "demo")
                .postForEntity("/api/inquiries", new HttpEntity<>(body, headers), String.class);
        assertThat(created.getStatusCode()).as(created.getBody()).isEqualTo(HttpStatus.CREATED);
        JsonNode inquiry = json.readTree(created.getBody());
        return inquiry.get("processInstanceId").asText();
    }
}
