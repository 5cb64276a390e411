package dk.borgerflow.tasklist;

import static org.openqa.selenium.support.ui.ExpectedConditions.attributeContains;
import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;
import static org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated;

import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda 7 Tasklist as an agent uses it: log in, pick a filter, open a task, claim it, fill in its
 * Camunda Form, complete it, log out. Selectors use Tasklist's AngularJS bindings (ng-model, ng-click)
 * and the form's visible labels, so they hold whichever language Tasklist speaks.
 */
final class TasklistPage {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static final By USERNAME = By.cssSelector("form[name=signinForm] input[ng-model=username]");
    private static final By PASSWORD = By.cssSelector("form[name=signinForm] input[ng-model=password]");
    private static final By LOG_IN = By.cssSelector("form[name=signinForm] button[type=submit]");
    private static final By LOG_OUT = By.cssSelector("[cam-widget-header] a[ng-click='logout()']");
    private static final By ACCOUNT_MENU = By.xpath(
            "//a[@ng-click='logout()']/ancestor::li[contains(@class,'dropdown')][1]/a[contains(@class,'dropdown-toggle')]");
    private static final By FILTERS = By.cssSelector("[cam-tasklist-filters] .task-filter");
    private static final By CLAIM = By.cssSelector(".task-card button.claim[ng-click='claim()']");
    private static final By UNCLAIM = By.cssSelector(".task-card button.unclaim");
    private static final By DISABLED_FORM = By.cssSelector("[cam-tasklist-form] .disabled-form");
    private static final By CAMUNDA_FORM = By.cssSelector("[cam-tasklist-form] form.fjs-form");
    private static final By COMPLETE = By.cssSelector("[cam-tasklist-form] button[ng-click='complete()']");

    private final WebDriver browser;
    private final String url;
    private final WebDriverWait wait;
    private String openTaskId;

    TasklistPage(WebDriver browser, String baseUrl) {
        this.browser = browser;
        this.url = baseUrl + "/camunda/app/tasklist/";
        this.wait = new WebDriverWait(browser, PATIENCE);
    }

    /** Opens Tasklist's login page. */
    TasklistPage open() {
        browser.get(url);
        wait.until(visibilityOfElementLocated(USERNAME));
        return this;
    }

    String logInButtonText() {
        return wait.until(visibilityOfElementLocated(LOG_IN)).getText().trim();
    }

    TasklistPage logIn(String user, String password) {
        WebElement username = wait.until(visibilityOfElementLocated(USERNAME));
        username.clear();
        username.sendKeys(user);
        browser.findElement(PASSWORD).sendKeys(password);
        browser.findElement(LOG_IN).click();
        wait.until(presenceOfElementLocated(LOG_OUT));
        wait.until(visibilityOfElementLocated(FILTERS));
        return this;
    }

    TasklistPage openFilter(String name) {
        String item = "//div[@cam-tasklist-filters]//div[contains(@class,'task-filter')]"
                + "[.//h4[contains(@class,'name')]/a[normalize-space(text())=" + literal(name) + "]]";
        By filter = By.xpath(item);
        wait.until(elementToBeClickable(By.xpath(item + "//h4[contains(@class,'name')]/a"))).click();
        wait.until(attributeContains(filter, "class", "active"));
        return this;
    }

    /**
     * Opens the task from the list of the current filter; waits until its form is shown. The list shows
     * one page (15 tasks, most urgent first); when the task is further down, as when earlier tests left
     * overdue tasks in the same group, it is opened within the same filter by its link, as a user
     * following a link to the task would.
     */
    TasklistPage openTask(String taskId) {
        By inList = taskInList(taskId);
        wait.until(presenceOfElementLocated(By.cssSelector(".tasks-list")));
        try {
            click(new WebDriverWait(browser, Duration.ofSeconds(5)).until(elementToBeClickable(inList)));
        } catch (TimeoutException notOnFirstPage) {
            String current = browser.getCurrentUrl();
            browser.get(current + (current.contains("?") ? "&" : "?") + "task=" + taskId);
        }
        wait.until(d -> d.getCurrentUrl().contains("task=" + taskId));
        wait.until(visibilityOfElementLocated(CAMUNDA_FORM));
        openTaskId = taskId;
        return this;
    }

    /** The text of each task card in the current filter's list, including the filter's variables. */
    java.util.List<String> listedTasks() {
        By cards = By.cssSelector(".tasks-list li.task");
        wait.until(presenceOfElementLocated(cards));
        return browser.findElements(cards).stream().map(WebElement::getText).toList();
    }

    String openTaskName() {
        return wait.until(visibilityOfElementLocated(By.cssSelector(".task-card h2.task"))).getText().trim();
    }

    /** Claims the open task: the agent becomes its assignee and the form becomes editable. */
    TasklistPage claim() {
        wait.until(elementToBeClickable(CLAIM)).click();
        wait.until(presenceOfElementLocated(UNCLAIM));
        wait.until(d -> d.findElements(DISABLED_FORM).isEmpty());
        return this;
    }

    /** Picks the radio option whose label starts with {@code optionLabel}. */
    TasklistPage choose(String optionLabel) {
        By option = By.xpath("//form[contains(@class,'fjs-form')]//label[.//input[@type='radio']]"
                + "[starts-with(normalize-space(.), " + literal(optionLabel) + ")]//input[@type='radio']");
        click(wait.until(elementToBeClickable(option)));
        wait.until(d -> d.findElement(option).isSelected());
        return this;
    }

    /**
     * Replaces the text of the form field whose label starts with {@code fieldLabel} (waits until the
     * field is shown, e.g. after a choice that reveals it).
     */
    TasklistPage fillIn(String fieldLabel, String text) {
        By label = By.xpath("//form[contains(@class,'fjs-form')]//label[@for]"
                + "[starts-with(normalize-space(.), " + literal(fieldLabel) + ")]");
        String fieldId = wait.until(presenceOfElementLocated(label)).getAttribute("for");
        WebElement field = wait.until(elementToBeClickable(By.id(fieldId)));
        centre(field);
        // the form may be prefilled from process variables (e.g. an earlier note); WebElement.clear()
        // bypasses form-js's input events, so erase with the keyboard as a user would
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        wait.until(d -> field.getDomProperty("value").isEmpty());
        field.sendKeys(text);
        wait.until(d -> text.equals(field.getDomProperty("value")));
        return this;
    }

    /**
     * Completes the open task and waits until Tasklist has closed it, which it does once the engine
     * has accepted the completion. (A claimed task has already left the group filter's list.)
     */
    TasklistPage complete() {
        String taskId = openTaskId;
        click(wait.until(elementToBeClickable(COMPLETE)));
        wait.until(d -> !d.getCurrentUrl().contains("task=" + taskId));
        openTaskId = null;
        return this;
    }

    TasklistPage logOut() {
        wait.until(elementToBeClickable(ACCOUNT_MENU)).click();
        wait.until(elementToBeClickable(LOG_OUT)).click();
        wait.until(visibilityOfElementLocated(USERNAME));
        return this;
    }

    /**
     * Clicks after scrolling the element to the middle of its pane: at the pane's bottom edge Tasklist's
     * fixed footer would take the click.
     */
    private void click(WebElement element) {
        centre(element);
        element.click();
    }

    private void centre(WebElement element) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    private static By taskInList(String taskId) {
        return By.cssSelector(".tasks-list li.task a[href='#/?task=" + taskId + "']");
    }

    /** An XPath string literal for text that may contain quotes. */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
