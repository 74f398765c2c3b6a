package uk.org.earlyhelp.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.org.earlyhelp.gateway.support.AgencyHttpsClient;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * IG officers find a person's records by identifier, get a subject access report, monthly statistics and
 * a FHIR export; the audit never holds the identifier, and every look at a person is itself audited.
 */
class AuditPersonViewsIntegrationTest extends GatewayIntegrationTest {

    private static final String IG_OFFICER = "ig-officer:ig-officer-test-password";

    @Autowired
    Pseudonymiser pseudonymiser;

    @Test
    void searchByNhsNumberFindsThePersonsRecordsWhileTheAuditHoldsNoNhsNumber() throws Exception {
        TestFamily family = new TestFamily();
        String receipt = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "infant-feeding-or-growth", "medium"));
        String nhsNumber = family.mother.nhsNumber();
        String key = pseudonymiser.key("nhs", nhsNumber);

        HttpResponse<String> response = browser().get("/api/v1/audit?nhsNumber=" + nhsNumber + "&decision=received",
                IG_OFFICER);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode records = JSON.readTree(response.body()).get("records");
        assertThat(records.findValuesAsText("receiptId")).containsExactly(receipt);
        assertThat(records.get(0).get("subjectKeys").toString()).contains(key);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_records
                 where array_to_string(subject_keys, ' ') like '%' || ? || '%' or detail::text like '%' || ? || '%'
                """, Long.class, nhsNumber, nhsNumber)).isZero();
        Map<String, Object> viewed = jdbc.queryForMap("""
                select detail->>'user' as username, detail->>'view' as view, detail::text as detail from audit_records
                 where decision = 'viewed' and subject_keys @> array[?]::text[] order by seq desc limit 1
                """, key);
        assertThat(viewed).containsEntry("username", "ig-officer").containsEntry("view", "person-search");
        assertThat((String) viewed.get("detail")).doesNotContain(nhsNumber);
    }

    @Test
    void personSearchNeedsAWholeIdentifierAndAnIgOfficer() throws Exception {
        assertThat(browser().get("/api/v1/audit?familyName=Hart", IG_OFFICER).statusCode()).isEqualTo(400);
        assertThat(browser().get("/api/v1/audit/subject-access?upn=A123456789012",
                "practitioner:practitioner-test-password").statusCode()).isEqualTo(403);
    }

    @Test
    void theSubjectAccessReportListsWhatWasReceivedWithheldAndSentAboutOnePerson() throws Exception {
        TestFamily family = new TestFamily();
        String receipt = submit("county-police", TestFlags.policeDomesticAbuse(family, true));
        Map<String, Object> alert = awaitDecision(receipt, "alert-raised");
        String person = "familyName=" + family.surname + "&givenName=" + family.mother.givenName()
                + "&dateOfBirth=" + family.mother.dateOfBirth();

        HttpResponse<String> response = browser().get("/api/v1/audit/subject-access?" + person, IG_OFFICER);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode report = JSON.readTree(response.body());
        JsonNode received = only(report.get("received"), receipt);
        assertThat(received.get("agencyId").asText()).isEqualTo("county-police");
        assertThat(received.get("flagType").asText()).isEqualTo("police-notification");
        assertThat(received.get("agreement").asText()).isEqualTo("isa-police-early-help");
        JsonNode dropped = only(report.get("withheld"), receipt);
        assertThat(dropped.get("decision").asText()).isEqualTo("fields-dropped");
        assertThat(dropped.get("fields")).isNotEmpty();
        JsonNode sent = only(report.get("sent"), receipt);
        assertThat(sent.get("locality").asText()).isEqualTo("runcorn-north");
        assertThat(sent.get("alertVersion").asInt()).isEqualTo(1);
        assertThat(sent.get("alertId").asText()).isEqualTo(JSON.readTree(alert.get("detail").toString())
                .get("alertId").asText());
        assertThat(response.body()).doesNotContain(family.surname);

        HttpResponse<String> csv = browser().get("/api/v1/audit/subject-access?" + person + "&format=csv", IG_OFFICER);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("part,seq,recordedAt,decision,agencyId");
        assertThat(lines).anyMatch(line -> line.startsWith("received,") && line.contains(receipt));
        assertThat(lines).anyMatch(line -> line.startsWith("sent,") && line.contains("runcorn-north"));
        assertThat(jdbc.queryForObject("select count(*) from audit_records where decision = 'viewed' "
                + "and detail->>'view' = 'subject-access' and detail->>'user' = 'ig-officer' "
                + "and subject_keys && ?::text[]", Long.class, "{" + String.join(",", keysOf(report)) + "}"))
                .isEqualTo(2);
    }

    @Test
    void monthlyStatisticsCountDecisionsPerAgreementAndAgency() throws Exception {
        String receipt = submit("county-police", TestFlags.policeDomesticAbuse(new TestFamily(), false));
        awaitDecision(receipt, "shared");
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);

        HttpResponse<String> response = browser().get("/api/v1/audit/statistics?year=" + now.getYear() + "&month="
                + now.getMonthValue(), IG_OFFICER);

        JsonNode month = JSON.readTree(response.body());
        assertThat(month.get("total").asLong()).isPositive();
        List<String> rows = new ArrayList<>();
        month.get("counts").forEach(count -> rows.add(count.get("agreement").asText() + "/"
                + count.get("agencyId").asText() + "/" + count.get("decision").asText()));
        assertThat(rows).contains("isa-police-early-help/county-police/received",
                "isa-police-early-help/county-police/shared", "isa-police-early-help/county-police/fields-dropped");
    }

    @Test
    void theFhirExportIsABundleOfAuditEventsWithPseudonymousEntities() throws Exception {
        Instant from = Instant.now().minus(1, ChronoUnit.SECONDS);
        TestFamily family = new TestFamily();
        String receipt = submit("county-police", TestFlags.policeDomesticAbuse(family, false));
        awaitDecision(receipt, "family-linked");

        HttpResponse<String> response = browser().get("/api/v1/audit/fhir?from=" + from + "&size=5000", IG_OFFICER);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode bundle = JSON.readTree(response.body());
        assertThat(bundle.get("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.get("type").asText()).isEqualTo("collection");
        JsonNode received = null;
        for (JsonNode entry : bundle.get("entry")) {
            JsonNode event = entry.get("resource");
            assertThat(event.get("resourceType").asText()).isEqualTo("AuditEvent");
            if (event.get("subtype").get(0).get("code").asText().equals("received")
                    && event.toString().contains(receipt)) {
                received = event;
            }
        }
        assertThat(received).isNotNull();
        assertThat(received.at("/type/code").asText()).isEqualTo("110107");
        assertThat(received.get("outcome").asText()).isEqualTo("0");
        assertThat(received.get("recorded").asText()).isNotBlank();
        assertThat(received.get("agent").findValuesAsText("value")).contains("county-police");
        assertThat(received.get("entity").findValuesAsText("value"))
                .containsAll(new PersonIdentifiers(null, null, family.surname, family.mother.givenName(),
                        family.mother.dateOfBirth()).keys(pseudonymiser));
        assertThat(response.body()).doesNotContain(family.surname);
    }

    private static List<String> keysOf(JsonNode report) {
        List<String> keys = new ArrayList<>();
        report.get("subjectKeys").forEach(key -> keys.add(key.asText()));
        return keys;
    }

    private static JsonNode only(JsonNode entries, String receipt) {
        List<JsonNode> found = new ArrayList<>();
        entries.forEach(entry -> {
            if (receipt.equals(entry.path("receiptId").asText())) {
                found.add(entry);
            }
        });
        assertThat(found).as("entries for receipt " + receipt + " in " + entries).hasSize(1);
        return found.get(0);
    }

    private AgencyHttpsClient browser() {
        return client(null);
    }
}
