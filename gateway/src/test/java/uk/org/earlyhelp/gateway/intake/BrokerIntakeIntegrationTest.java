package uk.org.earlyhelp.gateway.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.jms.Connection;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.support.BrokerTlsClients;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;

/**
 * Police and adult services publish flags to their own inbound address over TLS; the address is the
 * agency. Valid flags flow through the same intake as HTTPS; invalid ones are dead-lettered with the
 * errors as properties; an agency cannot use another agency's address or the gateway's queues.
 */
class BrokerIntakeIntegrationTest extends GatewayIntegrationTest {

    private BrokerTlsClients broker;

    @BeforeEach
    void clients() {
        broker = new BrokerTlsClients(pkiPassword());
    }

    @AfterEach
    void closeClients() {
        broker.close();
    }

    @Test
    void aPoliceNotificationPublishedToItsInboundAddressRaisesTheFamilysAlert() throws Exception {
        TestFamily family = new TestFamily();
        ObjectNode flag = TestFlags.policeDomesticAbuse(family, true);

        publish("county-police", "flags.inbound.county-police", flag.toString());

        String receipt = awaitReceiptOf("county-police", flag.get("sourceMessageId").asText());
        assertThat(awaitDecision(receipt, "received").get("channel")).isEqualTo("broker");
        awaitDecision(receipt, "alert-raised");
    }

    @Test
    void anInvalidFlagIsDeadLetteredWithItsErrorsAndAudited() throws Exception {
        ObjectNode flag = TestFlags.adultServicesNotification(new TestFamily(), "parental-mental-health", "medium");
        ((ObjectNode) flag.get("details")).put("severity", "catastrophic");
        String marker = flag.get("sourceMessageId").asText();

        publish("riverside-adult-services", "flags.inbound.riverside-adult-services", flag.toString());

        jms.setReceiveTimeout(PIPELINE_TIMEOUT.toMillis());
        Message deadLetter = jms.receiveSelected("flags.inbound.dead-letter",
                "rejectedAgency = 'riverside-adult-services'");
        assertThat(deadLetter).isNotNull();
        assertThat(deadLetter.getBody(String.class)).contains(marker);
        assertThat(deadLetter.getStringProperty("rejectionReason")).isEqualTo("invalid-flag");
        assertThat(deadLetter.getStringProperty("rejectionErrors")).contains("/details/severity")
                .doesNotContain("catastrophic");
        assertThat(jdbc.queryForObject("select count(*) from audit_records where decision = 'rejected' "
                + "and agency_id = 'riverside-adult-services' and channel = 'broker'", Integer.class)).isPositive();
    }

    @Test
    void anAgencyCannotSendToAnotherAgencysAddressNorToTheGatewaysQueues() throws Exception {
        try (Connection police = broker.connectAs("county-police")) {
            Session session = police.createSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createProducer(session.createQueue("flags.inbound.riverside-adult-services"))
                    .send(session.createTextMessage("{}"))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("flags.received"))
                    .send(session.createTextMessage("{}"))).isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("flags.inbound.county-police")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    private void publish(String certificate, String address, String json) throws Exception {
        try (Connection connection = broker.connectAs(certificate)) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(address));
            producer.send(session.createTextMessage(json));
        }
    }

    private String awaitReceiptOf(String agencyId, String sourceMessageId) {
        await().atMost(PIPELINE_TIMEOUT).until(() -> jdbc.queryForObject(
                "select count(*) from intake_receipts where agency_id = ? and source_message_id = ?",
                Integer.class, agencyId, sourceMessageId) == 1);
        return jdbc.queryForObject("select receipt_id from intake_receipts where agency_id = ? "
                + "and source_message_id = ?", UUID.class, agencyId, sourceMessageId).toString();
    }
}
