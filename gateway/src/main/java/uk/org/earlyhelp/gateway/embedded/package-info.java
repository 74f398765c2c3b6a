/**
 * The embedded run: a real PostgreSQL server and a persistent Artemis broker inside the gateway's JVM,
 * and a development PKI, all under the state directory ({@code ./var}). Pointing
 * {@code spring.datasource.*} and {@code spring.artemis.*} at external servers switches them off.
 */
package uk.org.earlyhelp.gateway.embedded;
