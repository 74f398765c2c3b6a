package uk.org.earlyhelp.gateway.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.org.earlyhelp.gateway.consent.ConsentRegistry;
import uk.org.earlyhelp.gateway.consent.ConsentStatus;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;
import uk.org.earlyhelp.schemas.FlagSchemas;

/**
 * The product's promise end to end: a school flags a pupil (by UPN), health visiting flags the baby
 * and mother (by NHS number, the mother matched on name, date of birth and postcode), and the locality
 * team gets exactly one alert about one family, holding nothing the agreements do not allow.
 */
class TwoAgenciesOneFamilyIntegrationTest extends GatewayIntegrationTest {

    /** Every field name an alert may carry: the alert schema's own, nothing from any flag's extras. */
    private static final Set<String> ALERT_FIELDS = Set.of("alertId", "version", "familyId", "locality", "raisedAt",
            "updatedAt", "members", "role", "givenName", "familyName", "dateOfBirth", "reasons", "ruleId",
            "ruleVersion", "explanation", "contributingFlags", "flagType", "occurredOn", "agencyKind",
            "needCategory", "severity");

    @Autowired
    ConsentRegistry consent;

    @Test
    void twoNeedsFromTwoAgenciesRaiseExactlyOneAlertOnTheFamilysLocalityQueue() throws Exception {
        TestFamily family = new TestFamily();

        String school = submit("greenfield-primary", TestFlags.schoolSuspension(family));
        awaitDecision(school, "family-linked");
        UUID familyId = familyOfUpn(family.pupil.upn());
        assertThat(decisionsFor(school)).doesNotContain("alert-raised");
        consent.recordForFamily(familyId, ConsentStatus.GIVEN, "early-help-practitioner", "EH-consent-form-1");

        String health = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "maternal-mental-health", "medium"));
        awaitDecision(health, "alert-raised");

        assertThat(familyOfUpn(family.pupil.upn())).isEqualTo(familyId);
        assertThat(jdbc.queryForObject("select count(*) from family_members where family_id = ?", Integer.class,
                familyId)).as("pupil, mother and baby are one family").isEqualTo(3);

        TextMessage message = receiveAlert("alerts.locality.runcorn-north", familyId, Duration.ofSeconds(10));
        assertThat(message).as("an alert on runcorn-north's queue").isNotNull();
        JsonNode alert = JSON.readTree(message.getText());
        assertThat(FlagSchemas.load().validateAlert(alert)).isEmpty();
        assertThat(alert.get("version").asInt()).isEqualTo(1);
        assertThat(alert.get("locality").asText()).isEqualTo("runcorn-north");
        assertThat(alert.findValuesAsText("ruleId")).contains("multiple-needs");
        assertThat(alert.findValuesAsText("needCategory")).containsExactlyInAnyOrder("education", "health");
        assertThat(alert.get("members")).hasSize(3);
        assertThat(fieldNames(alert)).isSubsetOf(ALERT_FIELDS);
        assertThat(message.getText()).doesNotContain(TestFlags.NARRATIVE, "Flat 2", "Runcorn\"",
                family.pupil.upn(), family.mother.nhsNumber(), family.baby.nhsNumber(), family.postcode);

        assertThat(receiveAlert("alerts.locality.runcorn-north", familyId, Duration.ofSeconds(2)))
                .as("exactly one alert").isNull();
        assertThat(receiveAlert("alerts.triage", familyId, Duration.ofMillis(200))).isNull();
    }

    @Test
    void aHighSeverityEventAloneRaisesAnAlertAndNewInformationUpdatesTheSameAlert() throws Exception {
        TestFamily family = new TestFamily();

        String police = submit("county-police", TestFlags.policeDomesticAbuse(family, true));
        awaitDecision(police, "alert-raised");
        UUID familyId = jdbc.queryForObject("select family_id from family_flags where receipt_id = ?::uuid",
                UUID.class, police);
        JsonNode first = JSON.readTree(receiveAlert("alerts.locality.runcorn-north", familyId,
                Duration.ofSeconds(10)).getText());
        assertThat(first.findValuesAsText("ruleId")).containsExactly("high-severity-event");

        String school = submit("greenfield-primary", TestFlags.schoolSuspension(family));
        awaitDecision(school, "alert-updated");
        JsonNode second = JSON.readTree(receiveAlert("alerts.locality.runcorn-north", familyId,
                Duration.ofSeconds(10)).getText());

        assertThat(second.get("alertId")).isEqualTo(first.get("alertId"));
        assertThat(second.get("version").asInt()).isEqualTo(2);
        assertThat(second.findValuesAsText("ruleId")).contains("multiple-needs", "high-severity-event");
        assertThat(jdbc.queryForObject("select count(*) from alerts where family_id = ? and status = 'open'",
                Integer.class, familyId)).isEqualTo(1);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                names.add(name);
                names.addAll(fieldNames(node.get(name)));
            }
        } else if (node.isArray()) {
            node.forEach(element -> names.addAll(fieldNames(element)));
        }
        return names;
    }
}
