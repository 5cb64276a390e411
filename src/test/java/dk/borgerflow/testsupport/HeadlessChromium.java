package dk.borgerflow.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven through Debian's ChromeDriver (installed by {@code .ci/install-browser}).
 * The driver's path is given explicitly, so Selenium Manager never downloads anything; the flags keep
 * Chromium off the (closed) network and give every run a fresh profile.
 */
public final class HeadlessChromium {

    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path PROFILES = Path.of("target", "chromium-profiles");

    /**
     * Selenium looks for DevTools bindings matching the browser at every start and warns when Debian's
     * Chromium is newer than its bindings; these tests use no DevTools. (JUL holds loggers weakly, so
     * they are kept here.)
     */
    private static final List<Logger> QUIETED = Stream.of("org.openqa.selenium.devtools",
            "org.openqa.selenium.chromium").map(name -> {
                Logger logger = Logger.getLogger(name);
                logger.setLevel(Level.SEVERE);
                return logger;
            }).toList();

    private HeadlessChromium() {
    }

    public static boolean isInstalled() {
        return Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    }

    /** A new browser whose preferred language is {@code language} (e.g. "da-DK,da"). */
    public static ChromeDriver start(String language) {
        return start(language, 1400, 1000, Duration.ofSeconds(30));
    }

    /** The same with a window of {@code width} x {@code height} and a page load timeout. */
    public static ChromeDriver start(String language, int width, int height, Duration pageLoad) {
        Path profile;
        try {
            // a fresh profile per browser, under target/ so that `mvn clean` removes it
            profile = Files.createTempDirectory(Files.createDirectories(PROFILES), "chromium-").toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--disable-quic",
                        "--no-first-run",
                        "--no-default-browser-check",
                        "--user-data-dir=" + profile,
                        "--window-size=" + width + "," + height,
                        "--lang=" + language.split(",")[0]);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withSilent(true)
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(pageLoad);
        return driver;
    }
}
