package dk.borgerflow.tasklist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;

/**
 * When a test fails, saves what the browser showed to {@code target/screenshots/<Class>-<method>.png}
 * (and the page source next to it), before the browser is closed.
 */
final class ScreenshotOnFailure implements AfterTestExecutionCallback {

    static final Path DIRECTORY = Path.of("target", "screenshots");

    private final Supplier<WebDriver> browser;

    ScreenshotOnFailure(Supplier<WebDriver> browser) {
        this.browser = browser;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        WebDriver driver = browser.get();
        if (context.getExecutionException().isEmpty() || driver == null) {
            return;
        }
        String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
        try {
            Files.createDirectories(DIRECTORY);
            Path png = DIRECTORY.resolve(name + ".png");
            Files.copy(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath(), png,
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(DIRECTORY.resolve(name + ".html"), driver.getPageSource());
            System.err.println("Browser screenshot of the failure: " + png.toAbsolutePath());
        } catch (IOException | RuntimeException e) {
            System.err.println("Could not save a screenshot of the failure: " + e);
        }
    }
}
