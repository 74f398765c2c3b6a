package uk.org.earlyhelp.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;

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
}
