package io.rekindle.segment.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.Color;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rekindle.platform.testing.Browser;
import io.rekindle.segment.support.TestStore;

/** The value grid as a marketer sees it, in Debian's headless Chromium; the screenshot goes to target/screenshots/. */
@QuarkusTest
class ValuePageBrowserTest {

    private static Browser browser;

    @Inject
    TestStore store;

    @TestHTTPResource("/v1/analytics/value.html")
    URL page;

    @BeforeAll
    static void openBrowser() {
        browser = Browser.open(1400, 1000).sendingHeader("Authorization", "Bearer rekindle-dev-key");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theHeatMapsShowTheGridShadedByItsLargestCell() {
        JsonPath grid = CustomerValueTest.cdnowValued(store);
        List<Map<String, Object>> cells = grid.getList("cells");

        browser.driver().get(page.toString());
        browser.screenshot("value-heat-map.png");

        assertEquals("Customer value", browser.driver().findElement(By.tagName("h1")).getText());
        for (String map : List.of("customers", "revenue", "predicted")) {
            assertEquals(25, browser.driver().findElements(By.cssSelector("#" + map + " td")).size(), map);
        }
        List<WebElement> shown = browser.driver().findElements(By.cssSelector("#customers td"));
        int largest = 0;
        for (int i = 0; i < 25; i++) {
            assertEquals(NumberFormat.getIntegerInstance(Locale.US).format(customers(cells, i)), shown.get(i).getText(),
                    "cell " + i + " in the grid's order: current 5 to 1, potential 1 to 5");
            largest = customers(cells, i) > customers(cells, largest) ? i : largest;
        }
        assertEquals(Color.fromString("rgb(31, 95, 139)"),
                Color.fromString(shown.get(largest).getCssValue("background-color")), "the largest cell at full");
        assertEquals(Color.fromString("white"), Color.fromString(shown.get(largest).getCssValue("color")),
                "white text on the darkest");
        assertTrue(browser.driver().findElement(By.cssSelector("p.muted")).getText()
                .startsWith("As of the full computation of 1997-09-30. 2,357 buyers of 2,357 customers;"));
    }

    private static long customers(List<Map<String, Object>> cells, int i) {
        return ((Number) cells.get(i).get("customers")).longValue();
    }
}
