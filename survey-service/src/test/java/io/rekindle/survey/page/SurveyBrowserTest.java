package io.rekindle.survey.page;

import static io.rekindle.survey.support.SurveyApi.api;
import static io.rekindle.survey.support.SurveyApi.invite;
import static io.rekindle.survey.support.SurveyApi.pathOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.survey.support.Peers;
import io.rekindle.survey.survey.BuiltInSurveys;

/**
 * A real person's path through the built-in survey, in Debian's headless Chromium at a phone's width: open the
 * personal link, answer, send, read the thank-you page; and a missing answer shown next to its question. Screenshots
 * go to target/screenshots/.
 */
@QuarkusTest
@QuarkusTestResource(Peers.class)
class SurveyBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");

    private static ChromeDriver browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void openBrowser() throws IOException {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "the browser test needs Debian's chromium and chromium-driver: `./rekindle test` installs them");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=412,1400", "--lang=en-US",
                "--user-data-dir=" + Files.createTempDirectory("rekindle-chromium"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String personalLink(String customerId) {
        String body = "{\"customerId\":\"" + customerId + "\",\"attribution\":{\"scenario\":\"browser\",\"step\":\""
                + customerId + "\"}}";
        return root.toString().replaceAll("/$", "") + pathOf(invite(BuiltInSurveys.WHY_STOPPED, body).getString("url"));
    }

    @Test
    void aCustomerAnswersThroughTheLinkAndTheAnswerIsInTheResults() throws IOException {
        browser.get(personalLink("browser-1"));
        assertEquals("Why did you stop buying?", browser.findElement(By.tagName("h1")).getText());
        browser.findElement(By.xpath("//label[contains(., 'Product quality')]")).click();
        browser.findElement(By.id("f-details")).sendKeys("Sizes <b>run</b> small");
        browser.findElement(By.xpath("//fieldset[@id='q-recommend']//label[span='7']")).click();
        screenshot("survey-form.png");

        browser.findElement(By.cssSelector("button[type=submit]")).click();

        // The click starts a navigation; wait for the next page rather than read the one being left.
        afterSubmit().until(ExpectedConditions.textToBe(By.cssSelector("main p"),
                "Thank you. We read every answer and will act on yours."));
        api().queryParam("scenario", "browser").queryParam("step", "browser-1")
                .when().get("/v1/surveys/" + BuiltInSurveys.WHY_STOPPED + "/results").then().statusCode(200)
                .body("responses", equalTo(1))
                .body("questions[0].options.find { it.id == 'product_quality' }.count", equalTo(1))
                .body("questions[1].texts[0].text", equalTo("Sizes <b>run</b> small"))
                .body("questions[2].nps.average", equalTo(7.0f));
    }

    private WebDriverWait afterSubmit() {
        return new WebDriverWait(browser, java.time.Duration.ofSeconds(10));
    }

    @Test
    void aMissingRequiredAnswerIsShownNextToTheQuestion() throws IOException {
        browser.get(personalLink("browser-2"));
        browser.findElement(By.id("f-details")).sendKeys("I forgot the main question");
        browser.findElement(By.cssSelector("button[type=submit]")).click();

        WebElement error = afterSubmit().until(ExpectedConditions.presenceOfElementLocated(By.id("err-reason")));
        assertTrue(error.isDisplayed());
        assertEquals("Please answer this question.", error.getText());
        assertEquals("q-reason", error.findElement(By.xpath("..")).getAttribute("id"), "inside the question's fieldset");
        assertEquals("I forgot the main question", browser.findElement(By.id("f-details")).getAttribute("value"));
        screenshot("survey-form-error.png");
        api().queryParam("step", "browser-2").when().get("/v1/surveys/" + BuiltInSurveys.WHY_STOPPED + "/results")
                .then().body("responses", equalTo(0));
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
