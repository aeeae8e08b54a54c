package io.rekindle.survey.page;

import static io.rekindle.survey.support.SurveyApi.api;
import static io.rekindle.survey.support.SurveyApi.invite;
import static io.rekindle.survey.support.SurveyApi.pathOf;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.platform.testing.Browser;
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

    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open(412, 1400);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    private String personalLink(String customerId) {
        String body = "{\"customerId\":\"" + customerId + "\",\"attribution\":{\"scenario\":\"browser\",\"step\":\""
                + customerId + "\"}}";
        return root.toString().replaceAll("/$", "") + pathOf(invite(BuiltInSurveys.WHY_STOPPED, body).getString("url"));
    }

    @Test
    void aCustomerAnswersThroughTheLinkAndTheAnswerIsInTheResults() {
        browser.driver().get(personalLink("browser-1"));
        assertEquals("Why did you stop buying?", browser.driver().findElement(By.tagName("h1")).getText());
        browser.driver().findElement(By.xpath("//label[contains(., 'Product quality')]")).click();
        browser.driver().findElement(By.id("f-details")).sendKeys("Sizes <b>run</b> small");
        browser.driver().findElement(By.xpath("//fieldset[@id='q-recommend']//label[span='7']")).click();
        browser.screenshot("survey-form.png");

        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

        // The click starts a navigation; wait for the next page rather than read the one being left.
        browser.waiting().until(ExpectedConditions.textToBe(By.cssSelector("main p"),
                "Thank you. We read every answer and will act on yours."));
        api().queryParam("scenario", "browser").queryParam("step", "browser-1")
                .when().get("/v1/surveys/" + BuiltInSurveys.WHY_STOPPED + "/results").then().statusCode(200)
                .body("responses", equalTo(1))
                .body("questions[0].options.find { it.id == 'product_quality' }.count", equalTo(1))
                .body("questions[1].texts[0].text", equalTo("Sizes <b>run</b> small"))
                .body("questions[2].nps.average", equalTo(7.0f));
    }

    @Test
    void aMissingRequiredAnswerIsShownNextToTheQuestion() {
        browser.driver().get(personalLink("browser-2"));
        browser.driver().findElement(By.id("f-details")).sendKeys("I forgot the main question");
        browser.driver().findElement(By.cssSelector("button[type=submit]")).click();

        WebElement error = browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("err-reason")));
        assertTrue(error.isDisplayed());
        assertEquals("Please answer this question.", error.getText());
        assertEquals("q-reason", error.findElement(By.xpath("..")).getAttribute("id"), "inside the question's fieldset");
        assertEquals("I forgot the main question", browser.driver().findElement(By.id("f-details")).getAttribute("value"));
        browser.screenshot("survey-form-error.png");
        api().queryParam("step", "browser-2").when().get("/v1/surveys/" + BuiltInSurveys.WHY_STOPPED + "/results")
                .then().body("responses", equalTo(0));
    }
}
