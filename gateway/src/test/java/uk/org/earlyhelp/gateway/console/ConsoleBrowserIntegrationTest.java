package uk.org.earlyhelp.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import uk.org.earlyhelp.gateway.consent.ConsentRegistry;
import uk.org.earlyhelp.gateway.consent.ConsentStatus;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;
import uk.org.earlyhelp.gateway.support.TestState;

/**
 * The console in a real browser: Debian's headless Chromium driven through Debian's chromedriver (the
 * driver path is given, so Selenium Manager never downloads one). An IG officer logs in, finds a person by
 * NHS number and opens their subject access report (a screenshot is kept in target/screenshots); a
 * locality worker cannot open the audit pages and sees their own team's alerts, not another team's.
 * Skipped where chromium and chromium-driver are not installed (.ci/run installs them).
 */
class ConsoleBrowserIntegrationTest extends GatewayIntegrationTest {

    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    @Autowired
    ConsentRegistry consent;

    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeAll
    static void chromiumIsInstalled() {
        assumeTrue(Files.isExecutable(CHROMEDRIVER),
                "Debian's chromium-driver is not installed (no /usr/bin/chromedriver): apt-get install chromium-driver");
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Debian's chromium is not installed (no /usr/bin/chromium): apt-get install chromium");
    }

    @BeforeEach
    void startBrowser(@TempDir Path profile) throws Exception {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1800", "--user-data-dir=" + profile,
                // Trusts exactly the gateway's development server key, and no other bad certificate.
                "--ignore-certificate-errors-spki-list=" + serverKeyPin());
        ChromeDriverService driver = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterEach
    void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anIgOfficerFindsAPersonByNhsNumberAndPrintsTheirSubjectAccessReport() throws Exception {
        TestFamily family = new TestFamily();
        String school = submit("greenfield-primary", TestFlags.schoolSuspension(family));
        awaitDecision(school, "family-linked");
        consent.recordForFamily(familyOfUpn(family.pupil.upn()), ConsentStatus.GIVEN, "early-help-practitioner",
                "EH-consent-form-browser");
        String health = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "maternal-mental-health", "medium"));
        String alertId = detail(awaitDecision(health, "alert-raised")).get("alertId").asText();

        logIn("ig-officer", "ig-officer-test-password");
        clickAndLoad(By.linkText("Audit search"));
        assertThat(browser.getTitle()).startsWith("Audit search");
        browser.findElement(By.id("nhsNumber")).sendKeys(family.mother.nhsNumber());
        clickAndLoad(By.id("search"));
        assertThat(browser.findElement(By.cssSelector("table.records")).getText())
                .contains(health, "received", "shared", "riverside-health-visiting");

        clickAndLoad(By.id("subject-access"));
        assertThat(browser.getTitle()).startsWith("Subject access report");
        assertThat(browser.findElement(By.cssSelector("dl.about")).getText()).contains(family.mother.nhsNumber());
        assertThat(browser.findElement(By.id("received")).getText())
                .contains(health, "riverside-health-visiting", "health-visiting-concern", "isa-health-visiting-early-help");
        assertThat(browser.findElement(By.id("shared")).getText()).contains("health-visiting-concern");
        assertThat(browser.findElement(By.id("withheld")).getText()).contains("fields-dropped");
        assertThat(browser.findElement(By.id("sent")).getText()).contains("runcorn-north", alertId);
        assertThat(browser.findElement(By.id("download-csv")).isDisplayed()).isTrue();
        Path screenshot = screenshot("subject-access-report.png");
        assertThat(Files.size(screenshot)).isPositive();

        clickAndLoad(By.cssSelector("form.logout button"));
        assertThat(browser.getCurrentUrl()).endsWith("/console/login?logout");
    }

    @Test
    void aLocalityWorkerSeesTheirOwnTeamsAlertsAndNotTheAuditPages() throws Exception {
        TestFamily runcorn = new TestFamily();
        TestFamily widnes = new TestFamily("WA8 6");
        String ours = detail(awaitDecision(submit("county-police", TestFlags.policeDomesticAbuse(runcorn, true)),
                "alert-raised")).get("alertId").asText();
        String theirs = detail(awaitDecision(submit("county-police", TestFlags.policeDomesticAbuse(widnes, true)),
                "alert-raised")).get("alertId").asText();

        logIn("locality-worker", "locality-worker-test-password");
        assertThat(browser.findElements(By.linkText("Audit search"))).isEmpty();
        browser.get(url("/console/audit"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("403 Forbidden");
        browser.get(url("/console/audit/verification"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("403 Forbidden");

        browser.get(url("/console/alerts"));
        List<String> listed = browser.findElements(By.cssSelector("#alerts tbody tr")).stream()
                .map(row -> row.getAttribute("data-alert-id")).toList();
        assertThat(listed).contains(ours).doesNotContain(theirs);
        screenshot("locality-alerts.png");

        clickAndLoad(By.linkText(ours));
        assertThat(browser.getTitle()).startsWith("Alert");
        assertThat(browser.findElement(By.id("members")).getText()).contains(runcorn.surname);
        clickAndLoad(By.id("acknowledge"));
        assertThat(browser.findElement(By.id("acknowledged")).getText()).isEqualTo("version 1 by locality-worker");

        browser.get(url("/console/alerts/" + theirs));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("404 Not found");
        assertThat(browser.getPageSource()).doesNotContain(widnes.surname);
        assertThat(jdbc.queryForObject("select acknowledged_by from alerts where alert_id = ?", String.class,
                UUID.fromString(theirs))).isNull();
    }

    private void logIn(String username, String password) {
        browser.get(url("/console"));
        wait.until(ExpectedConditions.titleContains("Log in"));
        browser.findElement(By.name("username")).sendKeys(username);
        browser.findElement(By.name("password")).sendKeys(password);
        clickAndLoad(By.cssSelector("form.stacked button"));
        assertThat(browser.getTitle()).startsWith("Console");
    }

    /** Clicks and waits until the page it leads to has replaced this one (not just until the click). */
    private void clickAndLoad(By target) {
        WebElement page = browser.findElement(By.tagName("html"));
        browser.findElement(target).click();
        wait.until(driver -> replaced(page));
        wait.until(driver -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.readyState")));
    }

    /**
     * Whether the page element is gone. Mid-navigation chromedriver may answer with a generic error ("node
     * does not belong to the document") instead of a stale element: that is asked again, not a failure.
     */
    private static boolean replaced(WebElement page) {
        try {
            page.isEnabled();
            return false;
        } catch (StaleElementReferenceException gone) {
            return true;
        } catch (WebDriverException inTransition) {
            return false;
        }
    }

    private String url(String path) {
        return "https://localhost:" + port + path;
    }

    private Path screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        Path file = SCREENSHOTS.resolve(name);
        Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        return Files.move(taken, file, StandardCopyOption.REPLACE_EXISTING);
    }

    private static JsonNode detail(java.util.Map<String, Object> auditRecord) throws Exception {
        return JSON.readTree(auditRecord.get("detail").toString());
    }

    /** Base64 SHA-256 of the development server certificate's public key, as Chromium's SPKI list wants. */
    private String serverKeyPin() throws Exception {
        KeyStore server = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TestState.pki().resolve("server.p12"))) {
            server.load(in, pkiPassword());
        }
        Certificate certificate = server.getCertificate("server");
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(certificate.getPublicKey().getEncoded()));
    }
}
