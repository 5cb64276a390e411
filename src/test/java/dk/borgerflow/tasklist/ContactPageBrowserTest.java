package dk.borgerflow.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.HeadlessChromium;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The citizen's path on {@code /kontakt} in headless Chromium, with the keyboard only: municipality and
 * topic, the solution, the help form (first with a mistake), the reference. Every page is checked with
 * axe-core (WCAG 2.0/2.1 A and AA rules): zero violations. Then the agent of the municipality opens the
 * inquiry in Tasklist, sees the same solution in the form and records that the catalogue had the answer.
 */
@BorgerflowTest
@EnabledIf(value = "dk.borgerflow.testsupport.HeadlessChromium#isInstalled", disabledReason = "Browser test skipped: "
        + "/usr/bin/chromedriver or /usr/bin/chromium is missing; run .ci/install-browser (Debian chromium + chromium-driver)")
class ContactPageBrowserTest {

    private static final String AXE_RUN = "const done = arguments[arguments.length - 1];"
            + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
            + ".then(r => done(JSON.stringify({passes: r.passes.length, violations: r.violations.map(v => ({id: v.id,"
            + " help: v.help, nodes: v.nodes.map(n => n.html)}))})),"
            + " e => done(JSON.stringify({passes: 0, violations: [{id: 'axe-error', help: String(e)}]})));";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    final List<WebDriver> browsers = new ArrayList<>();

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(
            () -> browsers.isEmpty() ? null : browsers.get(browsers.size() - 1));

    @AfterEach
    void closeBrowsers() {
        browsers.forEach(WebDriver::quit);
    }

    @Test
    void aCitizenGoesFromTopicToReferenceNumberWithTheKeyboardOnlyAndAxeFindsNothing() throws Exception {
        WebDriver browser = HeadlessChromium.start("da-DK,da");
        browsers.add(browser);
        browser.get("http://localhost:" + port + "/kontakt");
        assertNoAxeViolations(browser, "start");

        tabTo(browser, "kommune").sendKeys("Slagelse");
        tabTo(browser, "emne").sendKeys("Boligstøtte");
        WebElement find = tabToButton(browser, "find");
        find.sendKeys(Keys.ENTER);
        waitForHeading(browser, "Det kan du selv gøre");

        WebElement solution = browser.findElement(By.cssSelector(".solution-link"));
        assertThat(solution.getAttribute("href")).contains("boligstoette");
        String solutionUrl = solution.getAttribute("href");
        String solutionTitle = solution.getText();
        assertThat(browser.findElement(By.id("solutions")).getLocation().getY())
                .isLessThan(browser.findElement(By.id("help")).getLocation().getY());
        assertNoAxeViolations(browser, "solutions and help form");

        // first without a way to reach the citizen: the error is announced and linked
        tabTo(browser, "helpQuestion").sendKeys("Jeg kan ikke logge på med MitID og skal søge boligstøtte");
        tabToButton(browser, "send").sendKeys(Keys.ENTER);
        waitForHeading(browser, "Der er fejl i formularen");
        assertThat(browser.findElement(By.id("phone")).getAttribute("aria-invalid")).isEqualTo("true");
        assertNoAxeViolations(browser, "form with errors");

        tabTo(browser, "phone").sendKeys("+45 20304050");
        tabTo(browser, "exempt").sendKeys(Keys.SPACE);
        tabToButton(browser, "send").sendKeys(Keys.ENTER);
        waitForHeading(browser, "Tak, vi har modtaget din henvendelse");

        String reference = browser.findElement(By.id("reference")).getText();
        assertThat(reference).matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}");
        assertThat(browser.findElement(By.id("due")).getText()).isNotBlank().isNotEqualTo("–");
        assertNoAxeViolations(browser, "receipt");
        String processInstanceId = jdbc.queryForObject("select i.process_instance_id from inquiry i "
                + "join contact_request c on c.inquiry_id = i.id where c.reference_hash = ? and i.channel = 'WEB' "
                + "and i.tier = 'CONTACT_CENTER' and i.citizen_digitally_exempt = true", String.class,
                referenceHash(reference));

        // the agent of Slagelse opens the inquiry in Tasklist and sees the same solution in the form
        String taskId = tasks.createTaskQuery().processInstanceId(processInstanceId).singleResult().getId();
        WebDriver agentBrowser = HeadlessChromium.start("da-DK,da");
        browsers.add(agentBrowser);
        TasklistPage tasklist = new TasklistPage(agentBrowser, "http://localhost:" + port).open();
        tasklist.logIn("agent-slagelse", "demo").openFilter("Min gruppes opgaver").openTask(taskId).claim();
        String shown = formField(agentBrowser, "Selvbetjening i kataloget").getDomProperty("value");
        assertThat(shown).contains(solutionTitle + " – " + solutionUrl);
        WebElement tick = formField(agentBrowser, "Selvbetjeningskataloget havde svaret");
        ((JavascriptExecutor) agentBrowser).executeScript("arguments[0].scrollIntoView({block: 'center'});", tick);
        tick.sendKeys(Keys.SPACE);
        new org.openqa.selenium.support.ui.WebDriverWait(agentBrowser, java.time.Duration.ofSeconds(10))
                .until(d -> tick.isSelected());
        tasklist.choose("Løst ved første kontakt").fillIn("Notat", "Vejledt i telefonen om ansøgningen").complete();

        String history = String.join(" | ", jdbc.queryForList("select h.reason from inquiry_history h "
                + "join inquiry i on i.id = h.inquiry_id where i.process_instance_id = ? and h.reason is not null",
                String.class, processInstanceId));
        assertThat(history).contains("Vejledt i telefonen", "Selvbetjeningskataloget havde svaret.");
    }

    /** The form-js field (input, textarea, checkbox) whose label starts with the text. */
    private static WebElement formField(WebDriver browser, String label) {
        var wait = new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20));
        String id = wait.until(d -> d.findElements(By.xpath("//form[contains(@class,'fjs-form')]//label[@for]"
                + "[starts-with(normalize-space(.), '" + label + "')]")).stream().findFirst().orElse(null))
                .getAttribute("for");
        return wait.until(d -> d.findElement(By.id(id)));
    }

    private static String referenceHash(String reference) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(reference.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Presses Tab until the element with the id has the focus, as a keyboard user would. */
    private static WebElement tabTo(WebDriver browser, String id) {
        for (int i = 0; i < 60; i++) {
            WebElement focused = browser.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Tabs to the submit button of the form with the id (or the button with the id). */
    private static WebElement tabToButton(WebDriver browser, String id) {
        for (int i = 0; i < 60; i++) {
            WebElement focused = browser.switchTo().activeElement();
            if ("button".equals(focused.getTagName()) && (id.equals(focused.getAttribute("id"))
                    || id.equals(focused.getAttribute("form")) || isIn(browser, focused, id))) {
                return focused;
            }
            focused.sendKeys(Keys.TAB);
        }
        throw new AssertionError("Tab never reached the button of #" + id);
    }

    private static boolean isIn(WebDriver browser, WebElement element, String formId) {
        return Boolean.TRUE.equals(((JavascriptExecutor) browser).executeScript(
                "return arguments[0].closest('form') !== null && arguments[0].closest('form').id === arguments[1];",
                element, formId));
    }

    private static void waitForHeading(WebDriver browser, String text) {
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20)).until(
                d -> d.findElements(By.cssSelector("h1, h2, h3")).stream().anyMatch(h -> h.getText().contains(text)));
    }

    private void assertNoAxeViolations(WebDriver browser, String page) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        browser.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(30));
        JsonNode result = json.readTree((String) js.executeAsyncScript(AXE_RUN));
        JsonNode violations = result.get("violations");
        assertThat(violations).as("axe-core violations on the %s page: %s", page, violations).isEmpty();
        // axe really checked the page (labels, contrast, landmarks, ...)
        assertThat(result.get("passes").asInt()).as("axe rules passed on the %s page", page).isGreaterThan(10);
    }

    private static String axeSource() throws IOException {
        try (InputStream in = ContactPageBrowserTest.class.getResourceAsStream("/axe/axe.min.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
