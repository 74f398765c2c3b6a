package uk.org.earlyhelp.gateway.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * Practitioners record consent through the API; the policy applies it by scope and expiry, the most
 * restrictive record winning; the history is kept and each record is audited.
 */
class ConsentRegistryIntegrationTest extends GatewayIntegrationTest {

    private static final String PRACTITIONER = "practitioner:practitioner-test-password";

    @Test
    void consentRecordedThroughTheApiReleasesAFlagThatNeedsIt() throws Exception {
        TestFamily family = knownFamily();

        HttpResponse<String> recorded = consent(family.mother.nhsNumber(), "given", null, null);
        String health = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "maternal-mental-health", "medium"));

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        assertThat(awaitDecision(health, "shared").get("detail").toString()).contains("consent given");
        assertThat(jdbc.queryForObject("select count(*) from audit_records where decision = 'consent-recorded' "
                + "and detail->>'consentId' = ?", Integer.class,
                JSON.readTree(recorded.body()).get("consentId").asText())).isEqualTo(1);
    }

    @Test
    void consentScopedToOneKindOfAgencyDoesNotCoverAnother() throws Exception {
        TestFamily family = knownFamily();
        consent(family.mother.nhsNumber(), "given", "health-visiting", null);

        String adult = submit("riverside-adult-services",
                TestFlags.adultServicesNotification(family, "parental-mental-health", "medium"));

        assertThat(awaitDecision(adult, "pending-consent").get("detail").toString())
                .contains("consent has not been recorded");
    }

    @Test
    void expiredConsentNoLongerCounts() throws Exception {
        TestFamily family = knownFamily();
        consent(family.mother.nhsNumber(), "given", null, LocalDate.now().minusDays(1));

        String health = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "maternal-mental-health", "medium"));

        awaitDecision(health, "pending-consent");
    }

    @Test
    void consentGivenLaterReleasesTheHeldFlag() throws Exception {
        TestFamily family = knownFamily();
        String health = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "maternal-mental-health", "medium"));
        awaitDecision(health, "pending-consent");

        consent(family.mother.nhsNumber(), "given", null, null);

        assertThat(awaitDecision(health, "shared").get("detail").toString()).contains("consent given");
        awaitDecision(health, "family-linked");
        assertThat(decisionsFor(health)).contains("released-by-consent");
        assertThat(jdbc.queryForObject("select count(*) from pending_flags where receipt_id = ?::uuid",
                Integer.class, health)).isZero();
    }

    @Test
    void aWithdrawalByOneParentOutranksConsentGivenForTheFamily() throws Exception {
        TestFamily family = knownFamily();
        String familyId = jdbc.queryForObject("select family_id::text from family_members where person_id = ?",
                String.class, personWithNhsNumber(family.mother.nhsNumber()));
        post(request("given", null, null).put("familyId", familyId));
        consent(family.mother.nhsNumber(), "withdrawn", null, null);

        String health = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "maternal-mental-health", "medium"));

        assertThat(awaitDecision(health, "withheld").get("detail").toString()).contains("consent withdrawn");
        JsonNode history = JSON.readTree(client(null).get("/api/v1/consents?nhsNumber=" + family.mother.nhsNumber(),
                PRACTITIONER).body());
        assertThat(history.findValuesAsText("status")).containsExactly("withdrawn", "given");
    }

    @Test
    void familyConsentReleasesAFlagHeldBeforeItsSubjectsWereKnownButOnlyWithinItsScope() throws Exception {
        TestFamily family = new TestFamily();
        String health = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "maternal-mental-health", "medium"));
        String adult = submit("riverside-adult-services",
                TestFlags.adultServicesNotification(family, "parental-mental-health", "medium"));
        awaitDecision(health, "pending-consent");
        awaitDecision(adult, "pending-consent");
        String police = submit("county-police", TestFlags.policeDomesticAbuse(family, true));
        awaitDecision(police, "family-linked");
        String familyId = jdbc.queryForObject("select family_id::text from family_flags where receipt_id = ?::uuid",
                String.class, police);

        post(request("given", "health-visiting", null).put("familyId", familyId));

        awaitDecision(health, "family-linked");
        assertThat(decisionsFor(adult)).as("outside the consent's scope: still held")
                .doesNotContain("released-by-consent", "shared");
    }

    @Test
    void aBadRequestNamesEveryFieldAndAnUnknownPersonIs404() throws Exception {
        HttpResponse<String> bad = post(JSON.createObjectNode().put("status", "maybe"));
        HttpResponse<String> unknown = consent("9434765919", "given", null, null);

        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(bad.body()).get("errors").findValuesAsText("field"))
                .contains("nhsNumber|upn|familyId", "status", "evidenceReference");
        assertThat(unknown.statusCode()).isEqualTo(404);
    }

    @Test
    void onlyPractitionersAndAdminsMayRecordConsent() throws Exception {
        HttpResponse<String> asIgOfficer = client(null).postJson("/api/v1/consents",
                request("given", null, null).put("nhsNumber", "9434765919").toString(),
                "ig-officer:ig-officer-test-password");

        assertThat(asIgOfficer.statusCode()).isEqualTo(403);
    }

    /**
     * A family the index knows, mother and baby by NHS number: a high-severity health-visiting concern is
     * shared without consent (safeguarding), which puts them in the index.
     */
    private TestFamily knownFamily() throws Exception {
        TestFamily family = new TestFamily();
        awaitDecision(submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "home-conditions", "high")), "family-linked");
        return family;
    }

    private HttpResponse<String> consent(String nhsNumber, String status, String agencyKind, LocalDate expiresOn)
            throws Exception {
        return post(request(status, agencyKind, expiresOn).put("nhsNumber", nhsNumber));
    }

    private static ObjectNode request(String status, String agencyKind, LocalDate expiresOn) {
        ObjectNode request = JSON.createObjectNode().put("status", status).put("evidenceReference", "EH-form-12");
        if (agencyKind != null) {
            request.putArray("agencyKinds").add(agencyKind);
        }
        if (expiresOn != null) {
            request.put("expiresOn", expiresOn.toString());
        }
        return request;
    }

    private HttpResponse<String> post(ObjectNode request) throws Exception {
        return client(null).postJson("/api/v1/consents", request.toString(), PRACTITIONER);
    }
}
