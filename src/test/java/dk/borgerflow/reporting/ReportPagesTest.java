package dk.borgerflow.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.BorgerflowTest;
import dk.borgerflow.testsupport.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Generated demo history (seasonality, channel shift, Slagelse's growing share, repeats), the
 * dashboard in headless Chromium as the shared center's manager, and the evaluation as HTML and PDF.
 */
@BorgerflowTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPagesTest {

    static final ZoneId CPH = ZoneId.of("Europe/Copenhagen");
    static final int INQUIRIES = 30_000;

    @Autowired
    DemoHistory history;
    @Autowired
    KpiService kpis;
    @Autowired
    ReportingProperties properties;
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;

    YearMonth last = YearMonth.now(CPH).minusMonths(1);
    YearMonth first = last.minusMonths(23);

    @BeforeAll
    void twoYearsOfHistory() {
        int written = history.generate(INQUIRIES, 24, last, 7, n -> { });
        assertThat(written).isBetween(INQUIRIES - 200, INQUIRIES + INQUIRIES / 5); // repeat contacts come on top
    }

    @AfterAll
    void removeHistory() {
        history.remove();
    }

    @Test
    void theHistoryHasSeasonsChannelShiftRepeatsAndSlagelsesGrowingShare() {
        List<String> members = properties.sharedCenter();
        Kpis byMonth = kpis.kpis(members, first.atDay(1), last.atEndOfMonth(), "month", Duration.ofDays(7));
        Map<String, Kpis.Figures> months = new java.util.HashMap<>();
        byMonth.groups().forEach(g -> months.put(g.key(), g));
        assertThat(months).hasSize(24);
        YearMonth july = YearMonth.of(last.getYear() - 1, 7);
        YearMonth january = YearMonth.of(last.getYear() - 1, 1);
        assertThat(months.get(july.toString()).volume()).isLessThan(months.get(january.toString()).volume());

        Kpis.Figures firstMonth = months.get(first.toString());
        Kpis.Figures lastMonth = months.get(last.toString());
        double phoneBefore = firstMonth.channelMix().get("Telefon") * 1.0 / firstMonth.volume();
        double phoneAfter = lastMonth.channelMix().get("Telefon") * 1.0 / lastMonth.volume();
        assertThat(phoneAfter).isLessThan(phoneBefore);
        assertThat(byMonth.total().repeatContacts()).isGreaterThan(INQUIRIES / 20);
        assertThat(byMonth.total().escalations()).isNotEmpty();
        assertThat(byMonth.total().fcrPercent()).isBetween(40.0, 90.0);

        Kpis slagelseFirst = kpis.kpis(List.of("slagelse"), first.atDay(1), first.atEndOfMonth(), "none",
                Duration.ofDays(7));
        Kpis slagelseLast = kpis.kpis(List.of("slagelse"), last.atDay(1), last.atEndOfMonth(), "none",
                Duration.ofDays(7));
        assertThat(slagelseLast.total().sharePercent()).isGreaterThan(slagelseFirst.total().sharePercent() * 2);
    }

    @Test
    void theSharedCentersManagerReadsTheDashboardInChromium() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(HeadlessChromium.isInstalled(), "Browser test skipped: no chromium");
        // the center's members only: other test classes leave inquiries of Spånga-Tensta in the read model
        String members = String.join(",", java.util.Collections.nCopies(properties.sharedCenter().size(), "?"));
        List<Object> arguments = new java.util.ArrayList<>(List.of(java.sql.Date.valueOf(last.minusMonths(11).atDay(1)),
                java.sql.Date.valueOf(last.atEndOfMonth())));
        arguments.addAll(properties.sharedCenter());
        long expected = jdbc.queryForObject("select count(*) from report_inquiry where received_day between ? and ?"
                + " and municipality in (" + members + ")", Long.class, arguments.toArray());
        ChromeDriver browser = chromium();
        try {
            browser.get("http://manager-center:demo@localhost:" + port + "/reports/dashboard");

            assertThat(browser.findElement(By.id("scope")).getText()).isEqualTo("Det fælles kontaktcenter (9 kommuner)");
            assertThat(Long.parseLong(browser.findElement(By.id("volume")).getText().replace(".", "")))
                    .isEqualTo(expected);
            assertThat(browser.findElement(By.id("fcr")).getText()).matches("\\d+,\\d %");
            for (String chart : List.of("chart-volume", "chart-share", "chart-fcr", "chart-deadlines")) {
                WebElement img = browser.findElement(By.id(chart));
                Long width = (Long) browser.executeScript("return arguments[0].naturalWidth", img);
                assertThat(width).as(chart).isEqualTo((long) ReportCharts.WIDTH);
            }
            List<WebElement> plan = browser.findElements(By.cssSelector("#shift-plan tr"));
            assertThat(plan).hasSize(10); // header and nine members
            long shifts = plan.stream().skip(1).mapToLong(r -> Long.parseLong(r.findElements(By.tagName("td")).get(2)
                    .getText())).sum();
            assertThat(shifts).isEqualTo(10);
            assertThat(browser.findElement(By.id("shifts-csv")).getAttribute("href")).contains("/reports/shifts.csv?month="
                    + YearMonth.now(CPH).plusMonths(1));
            assertThat(browser.findElement(By.id("evaluation-pdf")).getAttribute("href"))
                    .contains("/reports/evaluation.pdf?from=" + last.minusMonths(5).atDay(1));

            Path shot = browser.getScreenshotAs(OutputType.FILE).toPath();
            Path docs = Path.of("docs", "images");
            if (Files.isDirectory(docs)) {
                Files.copy(shot, docs.resolve("reports-dashboard.png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            browser.quit();
        }
    }

    @Test
    void theSixMonthEvaluationDownloadsAsPdfWithTheSameChartsAsTheHtml() throws IOException {
        String range = "from=" + last.minusMonths(5).atDay(1) + "&to=" + last.atEndOfMonth();
        ResponseEntity<String> html = http.withBasicAuth("manager-center", "demo")
                .getForEntity("/reports/evaluation?" + range, String.class);
        assertThat(html.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(html.getBody()).contains("Evaluering af borgerbetjeningen", "Løst ved første kontakt")
                .containsPattern("(?s)(<img src=\"data:image/png;base64,.*){4}");

        ResponseEntity<byte[]> pdf = http.withBasicAuth("manager-center", "demo")
                .getForEntity("/reports/evaluation.pdf?" + range, byte[].class);
        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
        try (PDDocument document = PDDocument.load(pdf.getBody())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Evaluering af borgerbetjeningen", "Nøgletal", "Kanalfordeling",
                    "Løst ved første kontakt");
            long images = 0;
            for (var page : document.getPages()) {
                for (var name : page.getResources().getXObjectNames()) {
                    if (page.getResources().isImageXObject(name)) {
                        images++;
                    }
                }
            }
            assertThat(images).isEqualTo(4);
        }

        assertThat(http.withBasicAuth("agent-slagelse", "demo").getForEntity("/reports/evaluation.pdf?" + range,
                byte[].class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.getForEntity("/reports/dashboard", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("manager-slagelse", "demo").getForEntity(
                "/reports/dashboard?municipality=roskilde", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void nextMonthsShiftPlanDownloadsAsCsv() {
        ResponseEntity<String> csv = http.withBasicAuth("manager-center", "demo").getForEntity(
                "/reports/shifts.csv?month=" + YearMonth.now(CPH).plusMonths(1) + "&basis=calls", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getBody().lines()).hasSize(10).first().asString().startsWith("maaned,kommune,navn,opkald");
    }

    private static ChromeDriver chromium() {
        return HeadlessChromium.start("da", 1700, 1400, Duration.ofSeconds(60));
    }

}
