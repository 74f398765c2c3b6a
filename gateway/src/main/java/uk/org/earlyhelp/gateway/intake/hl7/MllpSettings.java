package uk.org.earlyhelp.gateway.intake.hl7;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The health-visiting MLLP listener ({@code gateway.mllp}).
 *
 * @param maxMessageBytes a frame larger than this is refused: the connection is reset, nothing is buffered
 * @param maxConnections  concurrent connections; one more is refused
 * @param keyStore        the gateway's server key (PKCS#12)
 * @param trustStore      the CA that issues agencies' client certificates (PKCS#12)
 */
@ConfigurationProperties("gateway.mllp")
public record MllpSettings(String host, int port, int maxMessageBytes, int maxConnections, String keyStore,
        String trustStore, String storePassword) {
}
