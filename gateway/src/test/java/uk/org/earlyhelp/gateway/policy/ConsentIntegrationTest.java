package uk.org.earlyhelp.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.org.earlyhelp.gateway.consent.ConsentRegistry;
import uk.org.earlyhelp.gateway.consent.ConsentStatus;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/** A flag that needs consent goes no further when consent was refused or withdrawn, and the audit says why. */
class ConsentIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    ConsentRegistry consent;

    @Test
    void withdrawnConsentWithholdsTheFlagAndTheAuditNamesTheRule() throws Exception {
        TestFamily family = new TestFamily();
        String school = submit("greenfield-primary", TestFlags.schoolSuspension(family));
        awaitDecision(school, "family-linked");
        UUID familyId = familyOfUpn(family.pupil.upn());
        consent.recordForFamily(familyId, ConsentStatus.GIVEN, "early-help-practitioner", "EH-form-7");
        UUID withdrawal = consent.recordForFamily(familyId, ConsentStatus.WITHDRAWN, "early-help-practitioner",
                "EH-withdrawal-7");

        String adult = submit("riverside-adult-services",
                TestFlags.adultServicesNotification(family, "parental-substance-misuse", "medium"));
        Map<String, Object> withheld = awaitDecision(adult, "withheld");

        assertThat(withheld.get("rule_id")).isEqualTo("adult-services-notification-v1");
        assertThat(withheld.get("detail").toString())
                .contains("consent withdrawn", withdrawal.toString(), "isa-adult-services-early-help");
        assertThat(decisionsFor(adult)).containsExactly("received", "fields-dropped", "withheld");
        assertThat(jdbc.queryForObject("select count(*) from family_flags where receipt_id = ?::uuid",
                Integer.class, adult)).as("not stored in the family history").isZero();
        assertThat(receiveAlert("alerts.locality.runcorn-north", familyId, Duration.ofSeconds(2))).isNull();
    }

    @Test
    void aSafeguardingConcernIsSharedWithoutConsentAndTheAuditSaysSo() throws Exception {
        TestFamily family = new TestFamily();
        String health = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "home-conditions", "high"));

        Map<String, Object> shared = awaitDecision(health, "shared");

        assertThat(shared.get("detail").toString()).contains("safeguarding concern", "Sch. 1 para. 18");
        awaitDecision(health, "alert-raised");
    }

    @Test
    void aFlagNeedingConsentNotYetRecordedIsHeldAndVisible() throws Exception {
        TestFamily family = new TestFamily();
        String health = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "infant-feeding-or-growth", "medium"));

        Map<String, Object> held = awaitDecision(health, "pending-consent");

        assertThat(held.get("detail").toString()).contains("consent has not been recorded");
        assertThat(jdbc.queryForObject("select count(*) from pending_flags where receipt_id = ?::uuid",
                Integer.class, health)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from family_flags where receipt_id = ?::uuid",
                Integer.class, health)).isZero();
        assertThat(client(null).get("/api/v1/consents/pending", "practitioner:practitioner-test-password").body())
                .contains(health).doesNotContain(family.surname);
    }

    @Test
    void consentCountsForAPersonTheMatcherKnowsWithoutAnIdentifierDespiteATypo() throws Exception {
        TestFamily family = new TestFamily();
        awaitDecision(submit("greenfield-primary", TestFlags.schoolSuspension(family)), "family-linked");
        UUID given = consent.recordForFamily(familyOfUpn(family.pupil.upn()), ConsentStatus.GIVEN,
                "early-help-practitioner", "EH-form-9");
        ObjectNode adult = TestFlags.adultServicesNotification(family, "parental-substance-misuse", "medium");
        ObjectNode mother = (ObjectNode) adult.get("subjects").get(0);
        mother.remove("nhsNumber");
        mother.put("familyName", typo(family.surname));

        Map<String, Object> shared = awaitDecision(submit("riverside-adult-services", adult), "shared");

        assertThat(shared.get("detail").toString()).as("the family's consent found through a scored match")
                .contains(given.toString());
    }

    /** One letter changed in the middle of the name: a keying slip no exact lookup survives. */
    private static String typo(String name) {
        int i = name.length() / 2;
        return name.substring(0, i) + (name.charAt(i) == 'e' ? 'a' : 'e') + name.substring(i + 1);
    }
}
