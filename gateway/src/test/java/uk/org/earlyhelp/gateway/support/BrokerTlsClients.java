package uk.org.earlyhelp.gateway.support;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.List;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Connections to the embedded broker's TLS listener with one of the development PKI's client
 * certificates, as an agency's or a locality team's own system would connect. Close after each test.
 */
public final class BrokerTlsClients implements AutoCloseable {

    private final char[] password;
    private final List<ActiveMQConnectionFactory> factories = new ArrayList<>();

    public BrokerTlsClients(char[] password) {
        this.password = password;
    }

    /** @param certificate a file stem under the PKI's agencies/, e.g. {@code county-police} or {@code team-widnes} */
    public Connection connectAs(String certificate) throws JMSException {
        String secret = new String(password);
        String url = "tcp://localhost:" + TestState.BROKER_TLS_PORT + "?sslEnabled=true"
                + "&keyStoreType=PKCS12&keyStorePath=" + TestState.pki().resolve("agencies/" + certificate + ".p12")
                + "&keyStorePassword=" + secret
                + "&trustStoreType=PKCS12&trustStorePath=" + TestState.pki().resolve("truststore.p12")
                + "&trustStorePassword=" + secret;
        // The factory holds the server locator the connection uses: it is closed with this object, not here.
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(url);
        factories.add(factory);
        return factory.createConnection();
    }

    @Override
    public void close() {
        factories.forEach(ActiveMQConnectionFactory::close);
    }
}
