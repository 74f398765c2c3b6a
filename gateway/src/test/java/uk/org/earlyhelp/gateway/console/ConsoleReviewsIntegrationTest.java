package uk.org.earlyhelp.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.support.ConsoleHttpsClient;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * A match reviewer in the web console over real HTTPS: sees a held pair side by side with its evidence
 * (the look is audited on the console channel), decides it, and the held flag goes on and joins the
 * family; other roles cannot open the page.
 */
class ConsoleReviewsIntegrationTest extends GatewayIntegrationTest {

    private static final Pattern REVIEW_ID = Pattern.compile("data-review-id=\"([0-9a-f-]{36})\"");

    @Test
    void aReviewerSeesTheHeldPairDecidesItAndTheFlagJoinsTheFamily() throws Exception {
        TestFamily family = new TestFamily();
        awaitDecision(submit("greenfield-primary", TestFlags.schoolSuspension(family)), "family-linked");
        String police = submit("county-police", TestFlags.borderlinePoliceFlag(family));
        awaitDecision(police, "match-review-held");

        ConsoleHttpsClient reviewer = loggedIn("match-reviewer", "match-reviewer-test-password");
        HttpResponse<String> page = reviewer.get("/console/reviews");
        assertThat(page.statusCode()).isEqualTo(200);
        String section = sectionNaming(page.body(), family.pupil.upn());
        assertThat(section).contains(family.pupil.givenName(), family.surname,
                TestFlags.otherBirthday(family.pupil.dateOfBirth()).toString(), family.pupil.dateOfBirth().toString(),
                "DATE_OF_BIRTH", "The same person", "Different people");
        Matcher id = REVIEW_ID.matcher(section);
        assertThat(id.find()).isTrue();
        String reviewId = id.group(1);
        assertThat(jdbc.queryForObject("select count(*) from audit_records where decision = 'viewed' and channel = "
                + "'console' and detail ->> 'user' = 'match-reviewer' and jsonb_exists(detail -> 'reviews', ?)",
                Integer.class, reviewId)).as("the reviewer's look is audited").isPositive();

        HttpResponse<String> decided = reviewer.post("/console/reviews/" + reviewId + "/decision",
                Map.of("decision", "confirm"));
        assertThat(decided.statusCode()).isEqualTo(302);
        assertThat(reviewer.get("/console/reviews").body()).contains("Recorded as the same person.")
                .doesNotContain(reviewId);

        assertThat(awaitDecision(police, "match-confirmed").get("channel")).isEqualTo("console");
        awaitDecision(police, "family-linked");
        assertThat(jdbc.queryForObject("select family_id from family_flags where receipt_id = ?::uuid",
                java.util.UUID.class, police)).isEqualTo(familyOfUpn(family.pupil.upn()));

        reviewer.get("/console/reviews");
        assertThat(reviewer.post("/console/reviews/" + reviewId + "/decision", Map.of("decision", "reject"))
                .statusCode()).isEqualTo(302);
        assertThat(reviewer.get("/console/reviews").body()).contains("decided already");
    }

    @Test
    void onlyMatchReviewersOpenTheReviewPage() throws Exception {
        assertThat(loggedIn("ig-officer", "ig-officer-test-password").get("/console/reviews").statusCode())
                .isEqualTo(403);
        assertThat(loggedIn("locality-worker", "locality-worker-test-password").get("/console/reviews")
                .statusCode()).isEqualTo(403);
        ConsoleHttpsClient reviewer = loggedIn("match-reviewer", "match-reviewer-test-password");
        assertThat(reviewer.get("/console/audit").statusCode()).isEqualTo(403);
        assertThat(reviewer.get("/console/alerts").statusCode()).isEqualTo(403);
    }

    /** The page's section about the pair whose known person carries this UPN. */
    private static String sectionNaming(String page, String upn) {
        for (String section : page.split("<section ")) {
            if (section.contains(upn)) {
                return section;
            }
        }
        throw new AssertionError("no pending pair on the page names the pupil");
    }

    private ConsoleHttpsClient loggedIn(String username, String password) throws Exception {
        ConsoleHttpsClient client = console();
        HttpResponse<String> login = client.login(username, password);
        assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + username).endsWith("/console");
        return client;
    }
}
