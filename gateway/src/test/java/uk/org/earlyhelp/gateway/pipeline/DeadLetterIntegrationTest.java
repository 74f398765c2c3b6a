package uk.org.earlyhelp.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.routes.model.Address;
import uk.org.earlyhelp.routes.model.Agency;
import uk.org.earlyhelp.routes.model.AgencyKind;
import uk.org.earlyhelp.routes.model.FlagCodec;
import uk.org.earlyhelp.routes.model.ReceivedFlag;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * A message the pipeline cannot process is retried a bounded number of times, then lands on
 * flags.dead-letter with the reason, and the audit records it: never lost, never blocking the queue.
 */
class DeadLetterIntegrationTest extends GatewayIntegrationTest {

    @Test
    void anUnprocessableMessageEndsOnTheDeadLetterQueueWithItsReasonAndIsAudited() throws Exception {
        String marker = "poison-" + UUID.randomUUID();
        jms.convertAndSend("flags.received", "{\"receiptId\": \"" + marker + "\", \"occurredOn\": \"not a date\"}");

        jms.setReceiveTimeout(PIPELINE_TIMEOUT.toMillis());
        Message deadLetter = jms.receiveSelected("flags.dead-letter", "deadLetterReason IS NOT NULL");

        assertThat(deadLetter).as("the message is on flags.dead-letter").isNotNull();
        assertThat(((TextMessage) deadLetter).getText()).contains(marker);
        assertThat(deadLetter.getStringProperty("deadLetterReason"))
                .startsWith("IllegalArgumentException").contains("not a received flag")
                .doesNotContain("not a date");
        assertThat(jdbc.queryForObject("select count(*) from audit_records where decision = 'dead-lettered' "
                + "and detail->>'stage' = 'pipeline'", Integer.class)).isPositive();
    }

    @Test
    void anAdministratorReplaysDeadLettersOnceTheCauseIsFixed() throws Exception {
        // A flag dead-lettered while something was broken: valid in itself, never processed.
        TestFamily family = new TestFamily();
        String receipt = UUID.randomUUID().toString();
        ReceivedFlag flag = new ReceivedFlag(receipt, new Agency("county-police", AgencyKind.POLICE), "https-json",
                Instant.now(), "TEST-" + receipt, "police-notification", LocalDate.now(),
                List.of(new Subject("child", null, null, null, "Amelia", family.surname, LocalDate.of(2015, 3, 14),
                        "female", new Address(family.line1, null, null, family.postcode, family.uprn))),
                Map.of("incidentType", "domestic-abuse", "childrenPresent", true, "riskLevel", "high"),
                "isa-police-early-help", 1, List.of());
        jms.convertAndSend("flags.dead-letter", FlagCodec.toJson(flag));

        HttpResponse<String> asPractitioner = client(null).postJson("/api/v1/admin/dead-letters/replay", "{}",
                "practitioner:practitioner-test-password");
        HttpResponse<String> asAdmin = client(null).postJson("/api/v1/admin/dead-letters/replay", "{}",
                "admin:admin-test-password");

        assertThat(asPractitioner.statusCode()).isEqualTo(403);
        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(asAdmin.body()).get("replayed").asInt()).isPositive();
        awaitDecision(receipt, "alert-raised");
    }
}
