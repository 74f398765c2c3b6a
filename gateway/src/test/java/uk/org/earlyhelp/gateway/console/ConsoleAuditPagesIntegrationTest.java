package uk.org.earlyhelp.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.gateway.support.ConsoleHttpsClient;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * The IG officer's console pages over real HTTPS: a person search by NHS number (POSTed, audited as
 * viewed on the console channel), bad identifiers named, the subject access report as a page and as CSV,
 * the verification and the month's statistics.
 */
class ConsoleAuditPagesIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    Pseudonymiser pseudonymiser;

    @Test
    void anIgOfficerFindsAPersonByNhsNumberAndGetsTheirSubjectAccessReport() throws Exception {
        TestFamily family = new TestFamily();
        String receipt = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "infant-feeding-or-growth", "medium"));
        awaitDecision(receipt, "pending-consent");
        String nhsNumber = family.mother.nhsNumber();
        ConsoleHttpsClient officer = loggedInOfficer();

        officer.get("/console/audit");
        HttpResponse<String> found = officer.post("/console/audit", Map.of("nhsNumber", nhsNumber, "page", "0"));

        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains(receipt, "received", "pending-consent", "riverside-health-visiting",
                "Subject access report");
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_records where decision = 'viewed' and channel = 'console'
                   and detail->>'user' = 'ig-officer' and detail->>'view' = 'person-search'
                   and subject_keys @> array[?]::text[]
                """, Long.class, pseudonymiser.key("nhs", nhsNumber))).isEqualTo(1);

        HttpResponse<String> report = officer.post("/console/audit/subject-access", Map.of("nhsNumber", nhsNumber));
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("What agencies sent", receipt, "health-visiting-concern",
                "pending-consent", "isa-health-visiting-early-help");
        HttpResponse<String> csv = officer.post("/console/audit/subject-access.csv", Map.of("nhsNumber", nhsNumber));
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body().lines()).anyMatch(line -> line.startsWith("received,") && line.contains(receipt));
        assertThat(jdbc.queryForList("""
                select detail->>'format' from audit_records where decision = 'viewed' and channel = 'console'
                   and detail->>'view' = 'subject-access' and subject_keys @> array[?]::text[] order by seq
                """, String.class, pseudonymiser.key("nhs", nhsNumber))).containsExactly("page", "csv");
    }

    @Test
    void badIdentifiersAreNamedAndNothingIsSearchedOrAudited() throws Exception {
        ConsoleHttpsClient officer = loggedInOfficer();
        officer.get("/console/audit");
        long viewedBefore = viewedCount();

        assertThat(officer.post("/console/audit", Map.of("nhsNumber", "1234567890")).body())
                .contains("NHS number: not a valid NHS number");
        officer.get("/console/audit");
        assertThat(officer.post("/console/audit", Map.of("familyName", "Hart")).body())
                .contains("Family name, given name and date of birth: give all three together");
        officer.get("/console/audit");
        assertThat(officer.post("/console/audit", Map.of("familyName", "Hart", "givenName", "Sophie",
                "dateOfBirth", "11/06/1991")).body()).contains("Date of birth: not understood");
        officer.get("/console/audit");
        assertThat(officer.post("/console/audit/subject-access", Map.of()).body())
                .contains("Give an NHS number, a UPN, or family name, given name and date of birth");
        assertThat(viewedCount()).isEqualTo(viewedBefore);
    }

    @Test
    void verificationAndStatisticsPages() throws Exception {
        String receipt = submit("county-police", TestFlags.policeDomesticAbuse(new TestFamily(), false));
        awaitDecision(receipt, "shared");
        ConsoleHttpsClient officer = loggedInOfficer();

        HttpResponse<String> verification = officer.get("/console/audit/verification");
        assertThat(verification.statusCode()).isEqualTo(200);
        assertThat(verification.body()).contains("Intact: every record is chained");

        HttpResponse<String> statistics = officer.get("/console/audit/statistics?month="
                + YearMonth.now(ZoneOffset.UTC));
        assertThat(statistics.body()).contains("isa-police-early-help", "county-police", "shared");
        assertThat(officer.get("/console/audit/statistics?month=2026-13").body())
                .contains("Month: not understood");
    }

    private long viewedCount() {
        return jdbc.queryForObject("select count(*) from audit_records where decision = 'viewed'", Long.class);
    }

    private ConsoleHttpsClient loggedInOfficer() throws Exception {
        ConsoleHttpsClient officer = console();
        assertThat(officer.login("ig-officer", "ig-officer-test-password").headers().firstValue("Location")
                .orElse("")).endsWith("/console");
        return officer;
    }
}
