package uk.org.earlyhelp.gateway.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;
import uk.org.earlyhelp.gateway.support.TestState;

/**
 * A locality team reads its alerts from the broker over TLS with its own certificate, and can reach
 * nothing else: not another team's queue, not the gateway's internal queues. No other certificate gets in.
 */
class LocalityQueueAccessIntegrationTest extends GatewayIntegrationTest {

    private final List<ActiveMQConnectionFactory> factories = new ArrayList<>();

    @AfterEach
    void closeFactories() {
        factories.forEach(ActiveMQConnectionFactory::close);
    }

    @Test
    void aTeamReceivesItsFamilysAlertOverTlsWithItsCertificate() throws Exception {
        TestFamily family = new TestFamily();
        String receipt = submit("county-police", TestFlags.policeDomesticAbuse(family, true));
        awaitDecision(receipt, "alert-raised");
        UUID familyId = jdbc.queryForObject("select family_id from family_flags where receipt_id = ?::uuid",
                UUID.class, receipt);

        try (Connection team = connectAs("team-runcorn-north")) {
            Session session = team.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(
                    session.createQueue("alerts.locality.runcorn-north"), "familyId = '" + familyId + "'");
            team.start();
            TextMessage alert = (TextMessage) consumer.receive(10_000);

            assertThat(alert).isNotNull();
            assertThat(JSON.readTree(alert.getText()).get("familyId").asText()).isEqualTo(familyId.toString());
        }
    }

    @Test
    void aTeamCannotReadAnotherTeamsQueueOrTheGatewaysOwn() throws Exception {
        try (Connection team = connectAs("team-runcorn-north")) {
            Session session = team.createSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createConsumer(session.createQueue("alerts.locality.runcorn-south")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createConsumer(session.createQueue("flags.received")))
                    .isInstanceOf(JMSSecurityException.class);
            assertThatThrownBy(() -> session.createProducer(session.createQueue("alerts.locality.runcorn-north"))
                    .send(session.createTextMessage("{}")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void anAgencyCertificateCannotConnectToTheBroker() {
        assertThatThrownBy(() -> connectAs("greenfield-primary").close()).isInstanceOf(JMSException.class);
    }

    private Connection connectAs(String certificate) throws JMSException {
        String password = new String(pkiPassword());
        String url = "tcp://localhost:" + TestState.BROKER_TLS_PORT + "?sslEnabled=true"
                + "&keyStoreType=PKCS12&keyStorePath=" + TestState.pki().resolve("agencies/" + certificate + ".p12")
                + "&keyStorePassword=" + password
                + "&trustStoreType=PKCS12&trustStorePath=" + TestState.pki().resolve("truststore.p12")
                + "&trustStorePassword=" + password;
        // The factory holds the server locator the connection uses: it is closed after the test, not here.
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
        factories.add(factory);
        return factory.createConnection();
    }
}
