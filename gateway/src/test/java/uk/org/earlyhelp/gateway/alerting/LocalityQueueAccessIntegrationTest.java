package uk.org.earlyhelp.gateway.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.pki.ClientCertificateSpec;
import uk.org.earlyhelp.gateway.pki.DevelopmentPki;
import uk.org.earlyhelp.gateway.support.BrokerTlsClients;
import uk.org.earlyhelp.gateway.support.GatewayIntegrationTest;
import uk.org.earlyhelp.gateway.support.TestFamily;
import uk.org.earlyhelp.gateway.support.TestFlags;
import uk.org.earlyhelp.gateway.support.TestState;

/**
 * A locality team reads its alerts from the broker over TLS with its own certificate, and can reach
 * nothing else: not another team's queue, not the gateway's internal queues. Agencies cannot read
 * alerts, and a certificate no one is configured for cannot connect.
 */
class LocalityQueueAccessIntegrationTest extends GatewayIntegrationTest {

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
    void aTeamReceivesItsFamilysAlertOverTlsWithItsCertificate() throws Exception {
        TestFamily family = new TestFamily();
        String receipt = submit("county-police", TestFlags.policeDomesticAbuse(family, true));
        awaitDecision(receipt, "alert-raised");
        UUID familyId = jdbc.queryForObject("select family_id from family_flags where receipt_id = ?::uuid",
                UUID.class, receipt);

        try (Connection team = broker.connectAs("team-runcorn-north")) {
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
        try (Connection team = broker.connectAs("team-runcorn-north")) {
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
    void anAgencyCannotReadAlerts() throws Exception {
        try (Connection agency = broker.connectAs("greenfield-primary")) {
            Session session = agency.createSession(false, Session.AUTO_ACKNOWLEDGE);

            assertThatThrownBy(() -> session.createConsumer(session.createQueue("alerts.locality.runcorn-north")))
                    .isInstanceOf(JMSSecurityException.class);
        }
    }

    @Test
    void aCertificateNobodyIsConfiguredForCannotConnect() throws Exception {
        DevelopmentPki.ensure(TestState.pki(), pkiPassword(), List.of("localhost"),
                List.of(new ClientCertificateSpec("stranger",
                        "CN=stranger,OU=none,O=Early Help Gateway Development")));

        assertThatThrownBy(() -> broker.connectAs("stranger").close()).isInstanceOf(JMSException.class);
    }
}
