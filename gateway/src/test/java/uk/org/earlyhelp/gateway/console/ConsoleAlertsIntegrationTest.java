package uk.org.earlyhelp.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.org.earlyhelp.gateway.audit.PersonIdentifiers;
import uk.org.earlyhelp.gateway.audit.Pseudonymiser;
import uk.org.earlyhelp.gateway.support.ConsoleHttpsClient;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * A locality worker in the web console over real HTTPS: sees, opens, acknowledges and assigns their own
 * team's alerts, never another team's; each look and action is audited; the audit pages are closed.
 */
class ConsoleAlertsIntegrationTest extends GatewayIntegrationTest {

    @Autowired
    Pseudonymiser pseudonymiser;

    @Test
    void aLocalityWorkerHandlesTheirOwnTeamsAlertsOnly() throws Exception {
        Instant start = Instant.now().minusSeconds(1);
        TestFamily runcorn = new TestFamily();
        TestFamily widnes = new TestFamily("WA8 6");
        String ours = alertIdOf(awaitDecision(submit("county-police", TestFlags.policeDomesticAbuse(runcorn, true)),
                "alert-raised"));
        String theirs = alertIdOf(awaitDecision(submit("county-police", TestFlags.policeDomesticAbuse(widnes, true)),
                "alert-raised"));
        ConsoleHttpsClient worker = loggedIn("locality-worker", "locality-worker-test-password");

        HttpResponse<String> list = worker.get("/console/alerts");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(ours).doesNotContain(theirs).doesNotContain(runcorn.surname);

        HttpResponse<String> alert = worker.get("/console/alerts/" + ours);
        assertThat(alert.statusCode()).isEqualTo(200);
        assertThat(alert.body()).contains(runcorn.surname, runcorn.mother.givenName(), "domestic-abuse");
        String motherKey = new PersonIdentifiers(null, null, runcorn.surname, runcorn.mother.givenName(),
                runcorn.mother.dateOfBirth()).keys(pseudonymiser).get(0);
        Map<String, Object> viewed = jdbc.queryForMap("""
                select channel, detail->>'user' as username, detail->>'view' as view, detail::text as detail
                  from audit_records where decision = 'viewed' and detail->>'alertId' = ?
                   and subject_keys @> array[?]::text[] order by seq desc limit 1
                """, ours, motherKey);
        assertThat(viewed).containsEntry("channel", "console").containsEntry("username", "locality-worker")
                .containsEntry("view", "alert");
        assertThat((String) viewed.get("detail")).doesNotContain(runcorn.surname);

        assertThat(worker.get("/console/alerts/" + theirs).statusCode()).isEqualTo(404);
        assertThat(worker.get("/console/alerts/not-a-uuid").statusCode()).isEqualTo(404);
        worker.get("/console/alerts/" + ours);
        assertThat(worker.post("/console/alerts/" + theirs + "/acknowledge", Map.of()).statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select acknowledged_by from alerts where alert_id = ?::uuid", String.class,
                theirs)).isNull();

        HttpResponse<String> acknowledged = worker.post("/console/alerts/" + ours + "/acknowledge", Map.of());
        assertThat(acknowledged.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForMap("select acknowledged_version, acknowledged_by from alerts where alert_id = ?::uuid",
                UUID.fromString(ours))).containsEntry("acknowledged_version", 1)
                .containsEntry("acknowledged_by", "locality-worker");
        assertThat(auditedAction("alert-acknowledged", ours)).containsEntry("username", "locality-worker");

        worker.get("/console/alerts/" + ours);
        worker.post("/console/alerts/" + ours + "/assign", Map.of("assignee", "no spaces allowed!"));
        assertThat(worker.get("/console/alerts/" + ours).body()).contains("assignee: give a worker");
        worker.post("/console/alerts/" + ours + "/assign", Map.of("assignee", "jo.bloggs"));
        assertThat(jdbc.queryForObject("select assigned_to from alerts where alert_id = ?::uuid", String.class,
                UUID.fromString(ours))).isEqualTo("jo.bloggs");
        assertThat(auditedAction("alert-assigned", ours)).containsEntry("assigned_to", "jo.bloggs");
        assertThat(worker.get("/console/alerts/" + ours).body()).contains("jo.bloggs (by locality-worker)");

        JsonNode fhir = JSON.readTree(client(null).get("/api/v1/audit/fhir?from=" + start + "&size=5000",
                "ig-officer:ig-officer-test-password").body());
        JsonNode acknowledgement = null;
        for (JsonNode entry : fhir.get("entry")) {
            JsonNode event = entry.get("resource");
            // The event names the record by seq (id audit-<seq>); the alert id is in the record's detail.
            if (event.at("/subtype/0/code").asText().equals("alert-acknowledged")
                    && ours.equals(jdbc.queryForObject("select detail->>'alertId' from audit_records where seq = ?",
                            String.class, Long.parseLong(event.get("id").asText().substring("audit-".length()))))) {
                acknowledgement = event;
            }
        }
        assertThat(acknowledgement).as("the acknowledgement in the FHIR export").isNotNull();
        assertThat(acknowledgement.get("action").asText()).isEqualTo("U");
        assertThat(acknowledgement.get("agent").findValuesAsText("value")).contains("locality-worker");
    }

    @Test
    void theAuditPagesAreClosedToALocalityWorkerAndTheAlertsToAnIgOfficer() throws Exception {
        ConsoleHttpsClient worker = loggedIn("locality-worker", "locality-worker-test-password");
        assertThat(worker.get("/console/audit").statusCode()).isEqualTo(403);
        assertThat(worker.get("/console/audit/verification").statusCode()).isEqualTo(403);
        worker.get("/console/alerts");
        assertThat(worker.post("/console/audit/subject-access", Map.of("nhsNumber", "9990518157")).statusCode())
                .isEqualTo(403);

        ConsoleHttpsClient officer = loggedIn("ig-officer", "ig-officer-test-password");
        assertThat(officer.get("/console/alerts").statusCode()).isEqualTo(403);
        assertThat(officer.get("/console/audit").statusCode()).isEqualTo(200);
        assertThat(officer.get("/console/no-such-page").statusCode()).isEqualTo(404);
        assertThat(officer.get("/console/console.css").body()).contains("@media print");
    }

    @Test
    void theConsoleNeedsALoginASecureSessionCookieAndCsrfTokens() throws Exception {
        ConsoleHttpsClient nobody = console();
        HttpResponse<String> anonymous = nobody.get("/console/alerts");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElse("")).endsWith("/console/login");

        HttpResponse<String> wrong = console().login("locality-worker", "not-the-password");
        assertThat(wrong.headers().firstValue("Location").orElse("")).endsWith("/console/login?error");

        ConsoleHttpsClient worker = console();
        HttpResponse<String> login = worker.login("locality-worker", "locality-worker-test-password");
        assertThat(login.headers().firstValue("Location").orElse("")).endsWith("/console");
        assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(cookie -> assertThat(cookie)
                .startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
        assertThat(worker.postRaw("/console/logout", Map.of()).statusCode()).as("no CSRF token").isEqualTo(403);
        assertThat(worker.get("/console").statusCode()).as("still logged in").isEqualTo(200);

        assertThat(console().postRaw("/console/login", Map.of("username", "locality-worker",
                "password", "locality-worker-test-password")).statusCode()).as("login without a CSRF token")
                .isEqualTo(403);
    }

    private ConsoleHttpsClient loggedIn(String username, String password) throws Exception {
        ConsoleHttpsClient client = console();
        HttpResponse<String> login = client.login(username, password);
        assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + username).endsWith("/console");
        return client;
    }

    private Map<String, Object> auditedAction(String decision, String alertId) {
        return jdbc.queryForMap("""
                select channel, detail->>'user' as username, detail->>'assignedTo' as assigned_to from audit_records
                 where decision = ? and detail->>'alertId' = ? order by seq desc limit 1
                """, decision, alertId);
    }

    private static String alertIdOf(Map<String, Object> auditRecord) throws Exception {
        JsonNode detail = JSON.readTree(auditRecord.get("detail").toString());
        return detail.get("alertId").asText();
    }
}
