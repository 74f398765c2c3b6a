package uk.org.earlyhelp.gateway.intake.hl7;

import java.nio.file.Path;
import org.apache.camel.component.mllp.MllpComponent;
import org.apache.camel.support.jsse.ClientAuthentication;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SSLContextServerParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.org.earlyhelp.routes.intake.HealthVisitingMllpRoute;

/** The MLLP listener's TLS (client certificate required, from the gateway's CA) and its MLLP component. */
@Configuration(proxyBeanMethods = false)
public class MllpListenerConfiguration {

    private static final String PKCS12 = "PKCS12";

    @Bean(HealthVisitingMllpRoute.TLS_PARAMETERS)
    SSLContextParameters healthVisitingMllpTls(MllpSettings settings) {
        KeyStoreParameters serverKey = store(settings.keyStore(), settings.storePassword());
        KeyManagersParameters keys = new KeyManagersParameters();
        keys.setKeyStore(serverKey);
        keys.setKeyPassword(settings.storePassword());
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(store(settings.trustStore(), settings.storePassword()));
        SSLContextServerParameters server = new SSLContextServerParameters();
        // No certificate, or one the CA did not issue: the handshake fails before a byte of HL7 is read.
        server.setClientAuthentication(ClientAuthentication.REQUIRE.name());
        SSLContextParameters tls = new SSLContextParameters();
        tls.setKeyManagers(keys);
        tls.setTrustManagers(trust);
        tls.setServerParameters(server);
        return tls;
    }

    /**
     * Replaces the auto-configured {@code mllp} component (same name, so {@code camel.component.mllp.*}
     * still applies) with one that answers pipelined frames; see {@link PipeliningMllpComponent}.
     */
    @Bean("mllp")
    MllpComponent mllp() {
        return new PipeliningMllpComponent();
    }

    private static KeyStoreParameters store(String file, String password) {
        KeyStoreParameters store = new KeyStoreParameters();
        store.setResource("file:" + Path.of(file).toAbsolutePath().normalize());
        store.setType(PKCS12);
        store.setPassword(password);
        return store;
    }
}
