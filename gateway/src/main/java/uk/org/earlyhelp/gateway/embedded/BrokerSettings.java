package uk.org.earlyhelp.gateway.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded broker's TLS listener, where locality teams consume their alerts (CORE and AMQP 1.0).
 * Clients must present a certificate from the gateway's CA; the certificate decides what they may do.
 *
 * @param tlsPort 0 switches the listener off
 */
@ConfigurationProperties("gateway.broker")
public record BrokerSettings(String tlsHost, int tlsPort, String keyStore, String trustStore, String storePassword) {
}
