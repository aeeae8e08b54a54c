package io.rekindle.platform.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver, for the tests that look at a page the way a person does
 * ({@code platform/src/test/browser/ensure-chromium} installs both). Screenshots go to target/screenshots/.
 */
public final class Browser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A browser window of this size in CSS pixels (412 wide is a phone). */
    public static Browser open(int width, int height) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("a browser test needs Debian's chromium and chromium-driver: "
                    + "platform/src/test/browser/ensure-chromium installs them");
        }
        try {
            ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=" + width + "," + height, "--lang=en-US",
                    "--user-data-dir=" + Files.createTempDirectory("rekindle-chromium"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            Files.createDirectories(SCREENSHOTS);
            return new Browser(driver);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Sends this header with every request from now on, as a marketer's proxy would send the API key. */
    public Browser sendingHeader(String name, String value) {
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of(name, value)));
        return this;
    }

    /** Waits up to ten seconds, for a page that follows a click. */
    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(10));
    }

    /** Saves what the window shows as target/screenshots/{name}; answers where. */
    public Path screenshot(String name) {
        try {
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Path target = SCREENSHOTS.resolve(name);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The page's accessibility violations as axe-core (Deque's, the engine behind the axe browser extension and CLI)
     * finds them with its default WCAG rules, one line each: rule, impact, how many elements, the first one. The
     * script comes from the test classpath ({@code com.deque.html.axe-core:selenium}, which carries axe.min.js).
     */
    public java.util.List<String> accessibilityViolations() {
        String axe;
        try (var in = Browser.class.getClassLoader().getResourceAsStream("axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe.min.js is not on the test classpath: the module needs the test "
                        + "dependency com.deque.html.axe-core:selenium");
            }
            axe = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        driver.executeScript(axe);
        Object found = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document).then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): '
                    + v.nodes.length + ' element(s), first ' + v.nodes[0].target.join(' ') + ' - ' + v.help)))
                  .catch(e => done(['axe failed: ' + e]));""");
        return ((java.util.List<?>) found).stream().map(String::valueOf).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
