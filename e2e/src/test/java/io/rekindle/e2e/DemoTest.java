package io.rekindle.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.rekindle.bench.FreePort;
import io.rekindle.bench.SendgridWebhook;
import io.rekindle.demo.Demo;
import io.rekindle.platform.testing.Browser;

/**
 * The demo at a small scale (400 customers, five simulated weeks) on the four packaged services, the way
 * {@code ./rekindle demo} runs it: the report must show scenarios that sent mail the customers read, answered and
 * bought from, lists cleaned, and a holdout measured; the HTML page must carry its charts. The clocks stand still
 * between the demo's moves, as in {@code ./rekindle demo}; played twice with one seed, the report is the same.
 */
class DemoTest {

    @TempDir(cleanup = org.junit.jupiter.api.io.CleanupMode.ON_SUCCESS)
    static Path runDir;


    @Test
    void aSmallStoreOverFiveWeeksIsRemindedWonBackAskedWhyAndCleaned() throws Exception {
        Path html = play("run", 400, 35, Instant.now());
        String report = Files.readString(html.resolveSibling("report.txt"));
        assertTrue(report.startsWith("Rekindle demo report: 400 customers, 35 simulated days, seed 7"), report);
        long mails = figure(report, "([\\d,]+) mails received");
        assertTrue(mails > 100, report);
        assertTrue(figure(report, "([\\d,]+) opened") > 0, report);
        assertTrue(figure(report, "([\\d,]+) surveys answered") > 0, report);
        assertEquals(figure(report, "([\\d,]+) surveys answered"), figure(report, "invitations, ([\\d,]+) answers"),
                "every answer the customers gave is in survey-service's results");
        assertTrue(figure(report, "Customers won back \\(treatment, converted\\): ([\\d,]+)") > 0, report);
        assertTrue(figure(report, "Addresses cleaned: ([\\d,]+) flagged") > 0, report);
        // Every scenario starts on day 1, so the open rate is set for the first two cleaning weeks against the later.
        assertTrue(report.matches("(?s).*Base health: open rate [\\d.]+% of [\\d,]+ delivered in the first two weeks "
                + "of cleaning \\(week of [-\\d]+ on; no mail went out before\\), [\\d.]+% of [\\d,]+ delivered from "
                + "the fourth week on.*"), report);
        // The program-wide holdout over the wire: customers kept out of every scenario, on both sides of the report.
        assertTrue(figure(report, "the program-wide holdout \\(10% of customers kept out of every scenario\\): "
                + "([\\d,]+) in the program") > 0, report);
        assertTrue(figure(report, "in the program, ([\\d,]+) held out") > 0, report);
        assertTrue(report.contains("Mean width of the adjusted intervals against the plain ones: "), report);
        String page = Files.readString(html);
        assertTrue(page.contains("Lift against the holdout") && page.contains("<svg"), "charts in the page");
        assertTrue(page.contains("<a href=\"health.html\">"), "the report links to the base's health");
        try (Browser browser = Browser.open(1200, 1600)) {
            browser.driver().get(html.toUri().toString());
            browser.screenshot("demo-report.png");
            assertEquals(List.of(), browser.accessibilityViolations(), "axe-core on the demo's report page");
        }
        String health = Files.readString(html.resolveSibling("health.html"));
        assertTrue(health.contains("<h1>Base health</h1>") && health.contains("class=\"band\""),
                "the health page, with the cleaning weeks shaded");
    }

    @Test
    void theSameSeedGivesTheSameReport() throws Exception {
        Instant started = Instant.now();
        // Small (80 customers, ten days): sameness does not need scale, and each play starts a suite of its own.
        String first = Files.readString(play("first", 80, 10, started).resolveSibling("report.txt"));
        String second = Files.readString(play("second", 80, 10, started).resolveSibling("report.txt"));
        assertTrue(figure(first, "([\\d,]+) mails received") > 0, first);
        assertEquals(first, second, "two fresh suites played with one seed");
    }

    /**
     * The demo on a fresh suite of its own (its databases under the run's directory), its clocks standing at the noon
     * after {@code started}; answers the report page.
     */
    private static Path play(String run, int customers, int days, Instant started) throws Exception {
        int smtp = FreePort.choose();
        WireMockServer providers = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .bindAddress("127.0.0.1"));
        providers.start();
        providers.stubFor(WireMock.any(WireMock.anyUrl()).willReturn(WireMock.okJson("{\"sid\":\"SM1\",\"name\":\"m1\"}")));
        Map<String, String> env = new LinkedHashMap<>(Demo.environment(started));
        env.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        env.put("QUARKUS_MAILER_PORT", Integer.toString(smtp));
        env.put("REKINDLE_TWILIO_URL", "http://127.0.0.1:" + providers.port());
        env.put("REKINDLE_FCM_URL", "http://127.0.0.1:" + providers.port());
        Path dir = runDir.resolve(run);
        try (FourServices suite = FourServices.start(dir, env)) {
            return Demo.run(new Demo.Options(customers, days, 7, dir.resolve("report"), smtp, suite.url("segment"),
                    suite.url("scenario"), suite.url("messaging"), suite.url("survey"), ServiceProcess.API_KEY, false));
        } finally {
            providers.stop();
        }
    }

    private static long figure(String report, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(report);
        assertTrue(m.find(), "no '" + pattern + "' in\n" + report);
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
