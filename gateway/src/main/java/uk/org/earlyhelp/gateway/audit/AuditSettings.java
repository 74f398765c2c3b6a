package uk.org.earlyhelp.gateway.audit;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pseudonymisationKeyFile the secret HMAC key subject pseudonyms are made with; created on first
 *                                start when missing (embedded run), mounted from a secret in production
 */
@ConfigurationProperties("gateway.audit")
public record AuditSettings(Path pseudonymisationKeyFile) {
}
