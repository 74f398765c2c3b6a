package uk.org.earlyhelp.gateway.audit;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pseudonymisationKeyFile the secret HMAC key subject pseudonyms are made with; created on first
 *                                start when missing (embedded run), mounted from a secret in production
 * @param checkpointEvery         a signed checkpoint after every this many records
 * @param checkpointInterval      and at least this often while records are being added
 * @param signing                 the Ed25519 key checkpoints are signed with
 */
@ConfigurationProperties("gateway.audit")
public record AuditSettings(Path pseudonymisationKeyFile, int checkpointEvery, Duration checkpointInterval,
        Signing signing) {

    public AuditSettings {
        checkpointEvery = checkpointEvery > 0 ? checkpointEvery : 1000;
        checkpointInterval = checkpointInterval != null ? checkpointInterval : Duration.ofMinutes(1);
        signing = signing != null ? signing : new Signing(null, null, null, false);
    }

    /**
     * @param keyStore        a PKCS#12 keystore holding the Ed25519 key (with its self-signed certificate)
     * @param password        the keystore's and the key's password
     * @param alias           the key's alias (default {@code audit-signing})
     * @param createIfMissing create the keystore on first start (embedded run); in production it is mounted
     */
    public record Signing(Path keyStore, String password, String alias, boolean createIfMissing) {

        public Signing {
            alias = alias == null || alias.isBlank() ? "audit-signing" : alias;
        }
    }
}
