package uk.org.earlyhelp.gateway.family;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * A match reviewer splits two families a police flag wrongly joined, through the real API and pipeline;
 * the split is audited and stays: later flags naming the same persons together, or one of them at the
 * other family's address, do not join them again.
 */
class FamilySplitIntegrationTest extends GatewayIntegrationTest {

    static final String REVIEWER = "match-reviewer:match-reviewer-test-password";

    @Autowired
    Pseudonymiser pseudonymiser;

    @Test
    void aReviewerSplitsAWronglyLinkedFamilyAndItStaysSplit() throws Exception {
        TestFamily smiths = new TestFamily();
        TestFamily joneses = new TestFamily();
        String smithSchool = submit("greenfield-primary", TestFlags.schoolSuspension(smiths));
        awaitDecision(smithSchool, "family-linked");
        String jonesSchool = submit("greenfield-primary", TestFlags.schoolSuspension(joneses));
        awaitDecision(jonesSchool, "family-linked");
        UUID smithFamily = familyOfUpn(smiths.pupil.upn());
        UUID jonesFamily = familyOfUpn(joneses.pupil.upn());

        // The wrong link: a police record naming the Smiths' pupil with the Joneses' mother.
        String wrongLink = submit("county-police", wrongLink(smiths, joneses));
        awaitDecision(wrongLink, "families-merged");
        awaitDecision(wrongLink, "family-linked");
        assertThat(familyOfUpn(joneses.pupil.upn())).as("merged into the older").isEqualTo(smithFamily);
        UUID jonesPupil = personOf(joneses.pupil.upn());
        UUID jonesMother = member(smithFamily, joneses.mother.givenName());

        HttpResponse<String> response = split(smithFamily, List.of(jonesPupil, jonesMother),
                "Different households: the police record named the wrong mother");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode outcome = JSON.readTree(response.body());
        UUID newFamily = UUID.fromString(outcome.get("newFamilyId").asText());
        assertThat(newFamily).isNotIn(smithFamily, jonesFamily);
        assertThat(outcome.get("familyId").asText()).isEqualTo(smithFamily.toString());
        assertThat(outcome.get("membersMoved").asInt()).isEqualTo(2);
        assertThat(outcome.get("flagsMoved").asInt()).as("the Joneses' school flag").isEqualTo(1);
        assertThat(outcome.get("flagsNamingBothSides").asInt()).as("the wrong link").isEqualTo(1);

        assertThat(familyOfUpn(smiths.pupil.upn())).as("the original keeps its id").isEqualTo(smithFamily);
        assertThat(familyOf(jonesPupil)).isEqualTo(newFamily);
        assertThat(familyOf(jonesMother)).isEqualTo(newFamily);
        assertThat(jdbc.queryForList("select family_id from family_members where family_id = ?", UUID.class,
                smithFamily)).hasSize(2);
        assertThat(familyOfReceipt(jonesSchool)).isEqualTo(newFamily);
        assertThat(familyOfReceipt(smithSchool)).isEqualTo(smithFamily);
        assertThat(familyOfReceipt(wrongLink)).as("names persons on both sides").isEqualTo(smithFamily);
        assertThat(jdbc.queryForObject("select household_key from families where family_id = ?", String.class,
                newFamily)).as("found again by the Joneses' address").isEqualTo("uprn:" + joneses.uprn);

        Map<String, Object> audit = jdbc.queryForMap("""
                select channel, rule_id, subject_keys::text as subjects, detail::text as detail from audit_records
                 where decision = 'families-split' and detail ->> 'newFamilyId' = ?
                """, newFamily.toString());
        assertThat(audit.get("channel")).isEqualTo("match-review-api");
        assertThat(audit.get("subjects").toString()).contains(nameKey(joneses, joneses.mother),
                nameKey(joneses, joneses.pupil)).doesNotContain(nameKey(smiths, smiths.pupil));
        assertThat(audit.get("detail").toString()).contains("\"reviewer\": \"match-reviewer\"",
                "the wrong mother", smithFamily.toString(), "\"membersMoved\": 2", "\"flagsMoved\": 1",
                "\"flagsNamingBothSides\": 1").doesNotContain(joneses.surname, joneses.mother.givenName());

        // The same persons named together again: kept apart, audited so.
        String again = submit("county-police", wrongLink(smiths, joneses));
        awaitDecision(again, "family-linked");
        Map<String, Object> keptApart = awaitDecision(again, "families-kept-apart");
        assertThat(keptApart.get("detail").toString()).contains(newFamily.toString(), smithFamily.toString());
        assertThat(decisionsFor(again)).doesNotContain("families-merged");
        assertThat(familyOf(jonesMother)).isEqualTo(newFamily);
        assertThat(familyOfUpn(smiths.pupil.upn())).isEqualTo(smithFamily);
        assertThat(familyOfReceipt(again)).isEqualTo(smithFamily);

        // An alert on the split-off family about the mother alone is still in the pupil's subject access
        // report: so far the pupil's records name the old families only; the split names the new one.
        String health = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(joneses, "domestic-abuse-disclosure", "high"));
        Map<String, Object> raised = awaitDecision(health, "alert-raised");
        String alertId = JSON.readTree(raised.get("detail").toString()).get("alertId").asText();
        assertThat(JSON.readTree(raised.get("detail").toString()).get("familyId").asText())
                .isEqualTo(newFamily.toString());
        assertThat(client(null).get("/api/v1/audit/subject-access?upn=" + joneses.pupil.upn(),
                "ig-officer:ig-officer-test-password").body()).contains(alertId);

        // The Joneses' pupil reported at the Smiths' address: stays with the Joneses.
        ObjectNode atSmiths = joneses.subject(joneses.pupil, false, true);
        atSmiths.set("address", smiths.subject(smiths.pupil, false, false).get("address"));
        String byAddress = submit("greenfield-primary",
                TestFlags.withSubject(TestFlags.schoolAttendance(joneses, 70, 20), 0, atSmiths));
        awaitDecision(byAddress, "family-linked");
        assertThat(decisionsFor(byAddress)).contains("families-kept-apart").doesNotContain("families-merged");
        assertThat(familyOfReceipt(byAddress)).isEqualTo(newFamily);
        assertThat(familyOf(jonesPupil)).isEqualTo(newFamily);
        assertThat(jdbc.queryForObject("select count(*) from families where family_id in (?, ?) "
                + "and merged_into is null", Integer.class, smithFamily, newFamily)).isEqualTo(2);

    }

    @Test
    void aSplitThatCannotBeDoneIsRefusedNamingTheField() throws Exception {
        TestFamily family = new TestFamily();
        TestFamily other = new TestFamily();
        awaitDecision(submit("greenfield-primary", TestFlags.schoolSuspension(family)), "family-linked");
        awaitDecision(submit("greenfield-primary", TestFlags.schoolSuspension(other)), "family-linked");
        UUID familyId = familyOfUpn(family.pupil.upn());
        UUID pupil = personOf(family.pupil.upn());
        UUID mother = member(familyId, family.mother.givenName());
        UUID stranger = personOf(other.pupil.upn());

        assertRefused(split(familyId, List.of(stranger), "wrong"), 400, "personIds");
        assertRefused(split(familyId, List.of(UUID.randomUUID()), "wrong"), 400, "personIds");
        assertRefused(split(familyId, List.of(), "wrong"), 400, "personIds");
        assertRefused(split(familyId, List.of(pupil, mother), "wrong"), 400, "personIds");
        assertRefused(split(familyId, List.of(pupil), " "), 400, "reason");
        assertRefused(client(null).postJson("/api/v1/families/" + familyId + "/split",
                "{\"personIds\":[\"" + pupil + "\"]}", REVIEWER), 400, "reason");
        assertRefused(client(null).postJson("/api/v1/families/" + familyId + "/split",
                "{\"personIds\":[\"not-an-id\"],\"reason\":\"wrong\"}", REVIEWER), 400, "personIds");
        assertRefused(split(UUID.randomUUID(), List.of(pupil), "wrong"), 404, "familyId");
        assertThat(familyOf(pupil)).as("nothing moved").isEqualTo(familyId);
        assertThat(jdbc.queryForObject("select count(*) from audit_records where decision = 'families-split' "
                + "and detail ->> 'familyId' = ?", Integer.class, familyId.toString())).isZero();
    }

    @Test
    void aFamilyMergedIntoAnotherCannotBeSplit() throws Exception {
        TestFamily smiths = new TestFamily();
        TestFamily joneses = new TestFamily();
        awaitDecision(submit("greenfield-primary", TestFlags.schoolSuspension(smiths)), "family-linked");
        awaitDecision(submit("greenfield-primary", TestFlags.schoolSuspension(joneses)), "family-linked");
        UUID jonesFamily = familyOfUpn(joneses.pupil.upn());
        awaitDecision(submit("county-police", wrongLink(smiths, joneses)), "families-merged");

        assertRefused(split(jonesFamily, List.of(personOf(joneses.pupil.upn())), "wrong"), 404, "familyId");
    }

    @Test
    void onlyMatchReviewersMaySplitFamilies() throws Exception {
        String path = "/api/v1/families/" + UUID.randomUUID() + "/split";
        String body = "{\"personIds\":[\"" + UUID.randomUUID() + "\"],\"reason\":\"wrong\"}";
        assertThat(client(null).postJson(path, body, "practitioner:practitioner-test-password").statusCode())
                .isEqualTo(403);
        assertThat(client(null).postJson(path, body, "admin:admin-test-password").statusCode()).isEqualTo(403);
        assertThat(client(null).postJson(path, body, "ig-officer:ig-officer-test-password").statusCode())
                .isEqualTo(403);
        assertThat(agency("county-police").postJson(path, body).statusCode())
                .as("an agency's certificate is no login").isEqualTo(401);
        assertThat(client(null).postJson(path, body, REVIEWER).statusCode()).isEqualTo(404);
    }

    /** The police record of {@code first}'s pupil, naming {@code second}'s mother as the pupil's mother. */
    private static ObjectNode wrongLink(TestFamily first, TestFamily second) {
        return TestFlags.withSubject(TestFlags.policeDomesticAbuse(first, false), 1,
                second.subject(second.mother, false, false));
    }

    private HttpResponse<String> split(UUID familyId, List<UUID> personIds, String reason) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("reason", reason);
        ArrayNode ids = body.putArray("personIds");
        personIds.forEach(id -> ids.add(id.toString()));
        return client(null).postJson("/api/v1/families/" + familyId + "/split", body.toString(), REVIEWER);
    }

    private static void assertRefused(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(JSON.readTree(response.body()).at("/errors/0/field").asText()).isEqualTo(field);
    }

    private String nameKey(TestFamily family, TestFamily.Person person) {
        return pseudonymiser.keysFor(new Subject(null, null, null, null, person.givenName(), family.surname,
                person.dateOfBirth(), null, null)).get(0);
    }

    private UUID personOf(String upn) {
        return jdbc.queryForObject("select person_id from person_identifiers where identifier_type = 'upn' "
                + "and identifier_value = ?", UUID.class, upn);
    }

    private UUID member(UUID familyId, String givenName) {
        return jdbc.queryForObject("""
                select m.person_id from family_members m join persons p on p.person_id = m.person_id
                 where m.family_id = ? and p.given_name = ?
                """, UUID.class, familyId, givenName);
    }

    private UUID familyOf(UUID personId) {
        return jdbc.queryForObject("select family_id from family_members where person_id = ?", UUID.class, personId);
    }

    private UUID familyOfReceipt(String receipt) {
        return jdbc.queryForObject("select family_id from family_flags where receipt_id = ?::uuid", UUID.class,
                receipt);
    }
}
