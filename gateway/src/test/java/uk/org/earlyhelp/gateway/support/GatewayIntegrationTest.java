package uk.org.earlyhelp.gateway.support;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.ActiveProfiles;
import uk.org.earlyhelp.gateway.GatewayApplication;

/**
 * The whole gateway as it runs: embedded Artemis, embedded PostgreSQL, HTTPS with mutual TLS on a free
 * port, the development PKI. Every integration test shares this one context (Spring caches it), and
 * keeps to a {@link TestFamily} of its own.
 */
@SpringBootTest(classes = GatewayApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
// Spring Boot's tests switch metrics export off by default; the gateway's metrics are under test too.
@AutoConfigureObservability(tracing = false)
@ActiveProfiles({"embedded", "test"})
public abstract class GatewayIntegrationTest {

    static {
        TestState.directory();
    }

    protected static final ObjectMapper JSON = new ObjectMapper();
    protected static final Duration PIPELINE_TIMEOUT = Duration.ofSeconds(20);

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected JmsTemplate jms;

    protected char[] pkiPassword() {
        try {
            return Files.readString(TestState.pki().resolve("keystore-password")).strip().toCharArray();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The configured agency's system, presenting its own client certificate. */
    protected AgencyHttpsClient agency(String agencyId) {
        return client(TestState.pki().resolve("agencies").resolve(agencyId + ".p12"));
    }

    protected AgencyHttpsClient client(Path keystore) {
        return AgencyHttpsClient.withKeystore(keystore, pkiPassword(), TestState.pki().resolve("truststore.p12"), port);
    }

    /** A fresh browser session in the web console (no one logged in yet). */
    protected ConsoleHttpsClient console() {
        return new ConsoleHttpsClient(TestState.pki().resolve("truststore.p12"), pkiPassword(), port);
    }

    /** Sends a flag and returns the receipt id from the 202. */
    protected String submit(String agencyId, JsonNode flag) throws Exception {
        HttpResponse<String> response = agency(agencyId).postJson("/api/v1/flags", flag.toString());
        if (response.statusCode() != 202) {
            throw new AssertionError("expected 202 but got " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).get("receiptId").asText();
    }

    protected List<String> decisionsFor(String receiptId) {
        return jdbc.queryForList("select decision from audit_records where receipt_id = ?::uuid order by seq",
                String.class, receiptId);
    }

    /** Waits until the pipeline has recorded the given decision about a receipt. */
    protected Map<String, Object> awaitDecision(String receiptId, String decision) {
        await().atMost(PIPELINE_TIMEOUT).until(() -> decisionsFor(receiptId).contains(decision));
        return jdbc.queryForMap("select * from audit_records where receipt_id = ?::uuid and decision = ?",
                receiptId, decision);
    }

    protected UUID familyOfUpn(String upn) {
        return jdbc.queryForObject("""
                select m.family_id from person_identifiers i join family_members m on m.person_id = i.person_id
                 where i.identifier_type = 'upn' and i.identifier_value = ?
                """, UUID.class, upn);
    }

    protected UUID personWithNhsNumber(String nhsNumber) {
        return jdbc.queryForObject("select person_id from person_identifiers where identifier_type = 'nhs-number' "
                + "and identifier_value = ?", UUID.class, nhsNumber);
    }

    /** Reads the next alert about one family from a queue, as the locality team's consumer would. */
    protected TextMessage receiveAlert(String queue, UUID familyId, Duration timeout) {
        jms.setReceiveTimeout(timeout.toMillis());
        Message message = jms.receiveSelected(queue, "familyId = '" + familyId + "'");
        return (TextMessage) message;
    }
}
