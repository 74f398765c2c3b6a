package uk.org.earlyhelp.gateway.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.connection.JmsTransactionManager;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;
import uk.org.earlyhelp.routes.model.FlagCodec;

/**
 * A gateway that dies after the pipeline's database commit but before its broker commit leaves the flag
 * processed and its alert unsent; the broker delivers the flag again. The redelivery must publish the
 * alert it recorded, exactly once. The crash window is reproduced without killing anything: the flag is
 * taken off {@code flags.received} in a broker transaction, run through the pipeline's stages (which
 * commit the database), and the broker transaction is then rolled back, as a dead consumer's would be.
 */
class AlertRepublishIntegrationTest extends GatewayIntegrationTest {

    private static final String RUNCORN_NORTH = "alerts.locality.runcorn-north";

    @Autowired
    CamelContext camel;

    @Autowired
    ProducerTemplate producer;

    @Test
    void aFlagRedeliveredAfterItsDatabaseCommitPublishesItsAlertOnce() throws Exception {
        TestFamily family = new TestFamily();
        String receipt;
        camel.getRouteController().stopRoute("pipeline");
        try {
            receipt = submit("county-police", TestFlags.policeDomesticAbuse(family, true));
            processThenLoseTheBrokerTransaction(receipt);
            UUID familyId = familyOf(receipt);
            assertThat(decisionsFor(receipt)).as("the database part committed").contains("alert-raised");
            assertThat(receiveAlert(RUNCORN_NORTH, familyId, Duration.ofSeconds(1)))
                    .as("the alert went with the rolled-back broker transaction").isNull();
        } finally {
            camel.getRouteController().startRoute("pipeline");
        }

        UUID familyId = familyOf(receipt);
        TextMessage alert = receiveAlert(RUNCORN_NORTH, familyId, PIPELINE_TIMEOUT);
        assertThat(alert).as("the redelivered flag published its alert").isNotNull();
        assertThat(alert.getIntProperty("alertVersion")).isEqualTo(1);
        assertThat(JSON.readTree(alert.getText()).get("familyId").asText()).isEqualTo(familyId.toString());
        assertThat(receiveAlert(RUNCORN_NORTH, familyId, Duration.ofSeconds(2))).as("published once").isNull();
        assertThat(decisionsFor(receipt)).as("processed once").containsOnlyOnce("received", "alert-raised");
        assertThat(jdbc.queryForObject("select count(*) from family_flags where receipt_id = ?::uuid",
                Integer.class, receipt)).isEqualTo(1);
    }

    @Test
    void aFlagRedeliveredAfterBothCommitsIsNotPublishedTwice() throws Exception {
        TestFamily family = new TestFamily();
        String json;
        camel.getRouteController().stopRoute("pipeline");
        try {
            String receipt = submit("county-police", TestFlags.policeDomesticAbuse(family, true));
            json = inBrokerTransactionThenRolledBack(receipt, flag -> { });
        } finally {
            camel.getRouteController().startRoute("pipeline");
        }
        String receipt = FlagCodec.fromJson(json).receiptId();
        awaitDecision(receipt, "alert-raised");
        UUID familyId = familyOf(receipt);
        assertThat(receiveAlert(RUNCORN_NORTH, familyId, PIPELINE_TIMEOUT)).isNotNull();

        // The same flag again, as a broker that lost the consumer's acknowledgement would deliver it.
        jms.convertAndSend("flags.received", json);

        assertThat(receiveAlert(RUNCORN_NORTH, familyId, Duration.ofSeconds(5)))
                .as("the broker dropped the repeated version").isNull();
        assertThat(decisionsFor(receipt)).containsOnlyOnce("alert-raised");
    }

    private UUID familyOf(String receipt) {
        return jdbc.queryForObject("select family_id from family_flags where receipt_id = ?::uuid", UUID.class, receipt);
    }

    /** Takes the flag in a broker transaction, runs the stages (database commit), then rolls the broker back. */
    private void processThenLoseTheBrokerTransaction(String receipt) {
        inBrokerTransactionThenRolledBack(receipt,
                json -> producer.sendBody("direct:pipeline-stages", FlagCodec.fromJson(json)));
    }

    /** Receives the flag with the receipt in a broker transaction, hands its text to the action, rolls back. */
    private String inBrokerTransactionThenRolledBack(String receipt, Consumer<String> action) {
        JmsTemplate inTransaction = new JmsTemplate(jms.getConnectionFactory());
        inTransaction.setReceiveTimeout(PIPELINE_TIMEOUT.toMillis());
        return new TransactionTemplate(new JmsTransactionManager(jms.getConnectionFactory())).execute(status -> {
            String json = null;
            while (json == null) {
                TextMessage message = (TextMessage) inTransaction.receive("flags.received");
                assertThat(message).as("the flag is on flags.received").isNotNull();
                try {
                    json = message.getText().contains(receipt) ? message.getText() : null;
                } catch (JMSException e) {
                    throw new IllegalStateException(e);
                }
            }
            action.accept(json);
            status.setRollbackOnly();
            return json;
        });
    }
}
