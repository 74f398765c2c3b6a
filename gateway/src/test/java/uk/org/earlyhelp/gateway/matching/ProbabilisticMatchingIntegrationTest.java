package uk.org.earlyhelp.gateway.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.TextMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.org.earlyhelp.gateway.family.RetentionJob;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * Probabilistic matching through the real pipeline (HTTPS intake, broker, pipeline, database): records that
 * differ by a nickname or a typo link to the same person; a borderline record waits for a match reviewer,
 * whose decision sends it on; a parent known without a date of birth is not duplicated.
 */
class ProbabilisticMatchingIntegrationTest extends GatewayIntegrationTest {

    static final String REVIEWER = "match-reviewer:match-reviewer-test-password";

    @Autowired
    RetentionJob retention;

    @Test
    void aNicknamedAndMistypedRecordWithoutIdentifiersLinksToTheSamePerson() throws Exception {
        TestFamily family = new TestFamily();
        TestFamily.Person william = new TestFamily.Person("child", null, "William", family.pupil.dateOfBirth(), "male",
                null, family.pupil.upn());
        String school = submit("greenfield-primary", TestFlags.withSubject(TestFlags.schoolSuspension(family), 0,
                family.subject(william, false, true)));
        awaitDecision(school, "family-linked");
        UUID pupil = personWithUpn(family.pupil.upn());

        ObjectNode bill = family.subject(william, false, false).put("givenName", "Bill")
                .put("familyName", typo(family.surname));
        String police = submit("county-police", TestFlags.withSubject(TestFlags.policeDomesticAbuse(family, false), 0, bill));
        Map<String, Object> matched = awaitDecision(police, "matched");
        awaitDecision(police, "family-linked");

        assertThat(personsOf(police)).contains(pupil);
        String evidence = matched.get("detail").toString();
        assertThat(evidence).contains("probabilistic", "NICKNAME", "JW_HIGH", "score")
                .as("levels and weights only, never the values compared")
                .doesNotContain("Bill", "William", family.surname, family.postcode,
                        family.pupil.dateOfBirth().toString());
        assertThat(familyOfReceipt(police)).isEqualTo(familyOfUpn(family.pupil.upn()));
    }

    @Test
    void aBorderlineRecordWaitsForAReviewerAndOnConfirmationJoinsTheFamilyAndRaisesTheAlert() throws Exception {
        TestFamily family = new TestFamily();
        String school = submit("greenfield-primary", TestFlags.schoolSuspension(family));
        awaitDecision(school, "family-linked");
        UUID pupil = personWithUpn(family.pupil.upn());
        UUID familyId = familyOfUpn(family.pupil.upn());

        String police = submit("county-police", TestFlags.borderlinePoliceFlag(family));
        awaitDecision(police, "match-review-held");
        assertThat(decisionsFor(police)).doesNotContain("matched", "family-linked", "alert-raised");
        assertThat(jdbc.queryForObject("select count(*) from family_flags where receipt_id = ?::uuid", Integer.class,
                police)).as("joins no family while held").isZero();

        JsonNode review = pendingReviewOf(police);
        assertThat(review.get("candidatePersonId").asText()).isEqualTo(pupil.toString());
        assertThat(review.at("/incoming/givenName").asText()).isEqualTo(family.pupil.givenName());
        assertThat(review.at("/candidate/upn").asText()).isEqualTo(family.pupil.upn());
        assertThat(review.get("score").asDouble()).isBetween(review.get("reviewThreshold").asDouble(),
                review.get("matchThreshold").asDouble());
        assertThat(review.get("evidence").toString()).contains("DATE_OF_BIRTH", "DIFFERENT");
        assertThat(jdbc.queryForObject("select count(*) from audit_records where decision = 'viewed' "
                + "and detail ->> 'user' = 'match-reviewer' and jsonb_exists(detail -> 'reviews', ?)", Integer.class,
                review.get("reviewId").asText())).as("the reviewer's view is audited").isPositive();

        HttpResponse<String> decided = decide(review.get("reviewId").asText(), "confirm");
        assertThat(decided.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(decided.body()).get("flagReleased").asBoolean()).isTrue();

        Map<String, Object> matched = awaitDecision(police, "matched");
        awaitDecision(police, "alert-raised");
        assertThat(matched.get("detail").toString()).contains("review-confirmed");
        assertThat(personsOf(police)).contains(pupil);
        assertThat(familyOfReceipt(police)).isEqualTo(familyId);
        Map<String, Object> confirmed = awaitDecision(police, "match-confirmed");
        assertThat(confirmed.get("detail").toString()).contains("match-reviewer", "DATE_OF_BIRTH")
                .doesNotContain(family.pupil.givenName(), family.surname);
        TextMessage alert = receiveAlert("alerts.locality.runcorn-north", familyId, Duration.ofSeconds(10));
        assertThat(alert).as("the held flag raised the family's alert once released").isNotNull();

        assertThat(decide(review.get("reviewId").asText(), "reject").statusCode())
                .as("a decision is not changed").isEqualTo(409);
    }

    @Test
    void aFlagWithTwoBorderlineSubjectsGoesOnOnlyWhenBothAreDecided() throws Exception {
        TestFamily family = new TestFamily();
        awaitDecision(submit("greenfield-primary", TestFlags.schoolSuspension(family)), "family-linked");
        UUID pupil = personWithUpn(family.pupil.upn());
        ObjectNode police = TestFlags.borderlinePoliceFlag(family);
        ((ObjectNode) police.get("subjects").get(1)).put("dateOfBirth", TestFlags.otherBirthday(family.mother.dateOfBirth()).toString());
        String receipt = submit("county-police", police);
        awaitDecision(receipt, "match-review-held");

        JsonNode child = pendingReviewOf(receipt, family.pupil.givenName());
        JsonNode mother = pendingReviewOf(receipt, family.mother.givenName());
        HttpResponse<String> first = decide(child.get("reviewId").asText(), "confirm");
        assertThat(JSON.readTree(first.body()).get("flagReleased").asBoolean()).as("one review still pending").isFalse();
        assertThat(decisionsFor(receipt)).doesNotContain("matched");
        HttpResponse<String> second = decide(mother.get("reviewId").asText(), "reject");
        assertThat(JSON.readTree(second.body()).get("flagReleased").asBoolean()).isTrue();

        awaitDecision(receipt, "family-linked");
        List<UUID> persons = personsOf(receipt);
        assertThat(persons).contains(pupil).hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from persons where family_name = ? and given_name = ?",
                Integer.class, family.surname, family.mother.givenName())).as("the rejected mother is someone new")
                .isEqualTo(2);
    }

    @Test
    void aRejectedPairBecomesASeparatePerson() throws Exception {
        TestFamily family = new TestFamily();
        String school = submit("greenfield-primary", TestFlags.schoolSuspension(family));
        awaitDecision(school, "family-linked");
        UUID pupil = personWithUpn(family.pupil.upn());

        String police = submit("county-police", TestFlags.borderlinePoliceFlag(family));
        awaitDecision(police, "match-review-held");
        JsonNode review = pendingReviewOf(police);
        assertThat(decide(review.get("reviewId").asText(), "reject").statusCode()).isEqualTo(200);

        Map<String, Object> matched = awaitDecision(police, "matched");
        awaitDecision(police, "match-rejected");
        assertThat(matched.get("detail").toString()).contains("created");
        assertThat(personsOf(police)).doesNotContain(pupil).hasSize(2);
        assertThat(jdbc.queryForObject("select count(*) from persons where family_name = ? and given_name = ?",
                Integer.class, family.surname, family.pupil.givenName())).isEqualTo(2);
    }

    @Test
    void aFlagHeldForReviewIsDeletedUndecidedWhenItsRetentionRunsOut() throws Exception {
        TestFamily family = new TestFamily();
        awaitDecision(submit("greenfield-primary", TestFlags.schoolSuspension(family)), "family-linked");
        String police = submit("county-police", TestFlags.borderlinePoliceFlag(family)
                .put("occurredOn", LocalDate.now().minusYears(3).toString()));
        awaitDecision(police, "match-review-held");

        retention.deleteBefore(LocalDate.now());

        assertThat(jdbc.queryForObject("select count(*) from match_held_flags where receipt_id = ?::uuid",
                Integer.class, police)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from match_reviews where receipt_id = ?::uuid",
                Integer.class, police)).isZero();
        assertThat(decisionsFor(police)).contains("retention-deleted");
    }

    @Test
    void aParentKnownWithoutADateOfBirthIsOnePersonAndListedOnceInTheAlert() throws Exception {
        TestFamily family = new TestFamily();
        ObjectNode school = TestFlags.schoolSuspension(family);
        ((ObjectNode) school.get("subjects").get(1)).remove("dateOfBirth");
        String first = submit("greenfield-primary", school);
        awaitDecision(first, "family-linked");

        String health = submit("riverside-health-visiting",
                TestFlags.healthVisitingConcern(family, "home-conditions", "high"));
        awaitDecision(health, "alert-raised");

        assertThat(jdbc.queryForObject("select count(*) from persons where family_name = ? and given_name = ?",
                Integer.class, family.surname, family.mother.givenName())).isEqualTo(1);
        UUID mother = personWithNhsNumber(family.mother.nhsNumber());
        assertThat(jdbc.queryForObject("select date_of_birth from persons where person_id = ?", LocalDate.class,
                mother)).as("filled in from the health record").isEqualTo(family.mother.dateOfBirth());
        UUID familyId = familyOfUpn(family.pupil.upn());
        TextMessage alert = receiveAlert("alerts.locality.runcorn-north", familyId, Duration.ofSeconds(10));
        assertThat(alert).isNotNull();
        assertThat(JSON.readTree(alert.getText()).get("members")).as("pupil, mother, baby").hasSize(3);
    }

    @Test
    void onlyMatchReviewersMayUseTheReviewApi() throws Exception {
        assertThat(client(null).get("/api/v1/match-reviews", "practitioner:practitioner-test-password").statusCode())
                .isEqualTo(403);
        assertThat(client(null).get("/api/v1/match-reviews", "ig-officer:ig-officer-test-password").statusCode())
                .isEqualTo(403);
        assertThat(agency("greenfield-primary").get("/api/v1/match-reviews", null).statusCode())
                .as("an agency's certificate is no login").isEqualTo(401);
        assertThat(agency("county-police").postJson("/api/v1/match-reviews/" + UUID.randomUUID() + "/decision",
                "{\"decision\":\"confirm\"}").statusCode()).isEqualTo(401);
        assertThat(client(null).postJson("/api/v1/match-reviews/" + UUID.randomUUID() + "/decision",
                "{\"decision\":\"confirm\"}", "admin:admin-test-password").statusCode()).isEqualTo(403);

        HttpResponse<String> unknown = decide(UUID.randomUUID().toString(), "confirm");
        assertThat(unknown.statusCode()).isEqualTo(404);
        HttpResponse<String> invalid = decide(UUID.randomUUID().toString(), "maybe");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("decision", "must be confirm or reject");
    }

    private JsonNode pendingReviewOf(String receipt) throws Exception {
        return pendingReviewOf(receipt, null);
    }

    /** @param givenName the incoming subject's, or null for any */
    private JsonNode pendingReviewOf(String receipt, String givenName) throws Exception {
        HttpResponse<String> response = client(null).get("/api/v1/match-reviews", REVIEWER);
        assertThat(response.statusCode()).isEqualTo(200);
        for (JsonNode review : JSON.readTree(response.body())) {
            if (review.get("receiptId").asText().equals(receipt)
                    && (givenName == null || review.at("/incoming/givenName").asText().equals(givenName))) {
                return review;
            }
        }
        throw new AssertionError("no pending review for " + receipt);
    }

    private HttpResponse<String> decide(String reviewId, String decision) throws Exception {
        return client(null).postJson("/api/v1/match-reviews/" + reviewId + "/decision",
                "{\"decision\":\"" + decision + "\"}", REVIEWER);
    }

    /** One letter changed in the middle: a keying slip. */
    private static String typo(String name) {
        int i = name.length() / 2 + 1;
        char replaced = name.charAt(i) == 'e' ? 'a' : 'e';
        return name.substring(0, i) + replaced + name.substring(i + 1);
    }

    private UUID personWithUpn(String upn) {
        return jdbc.queryForObject("select person_id from person_identifiers where identifier_type = 'upn' "
                + "and identifier_value = ?", UUID.class, upn);
    }

    private List<UUID> personsOf(String receipt) {
        await().atMost(PIPELINE_TIMEOUT).until(() -> jdbc.queryForObject(
                "select count(*) from family_flags where receipt_id = ?::uuid", Integer.class, receipt) == 1);
        UUID[] persons = jdbc.queryForObject("select person_ids from family_flags where receipt_id = ?::uuid",
                (row, n) -> (UUID[]) row.getArray(1).getArray(), receipt);
        return List.of(persons);
    }

    private UUID familyOfReceipt(String receipt) {
        return jdbc.queryForObject("select family_id from family_flags where receipt_id = ?::uuid", UUID.class,
                receipt);
    }
}
