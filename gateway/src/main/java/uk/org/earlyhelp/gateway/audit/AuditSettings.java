package uk.org.earlyhelp.gateway.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
        signing = signing != null ? signing : new Signing(null, null, null, false, List.of());
    }

    /**
     * @param keyStore        a PKCS#12 keystore holding the Ed25519 key (with its self-signed certificate)
     * @param password        the keystore's and the key's password
     * @param alias           the key's alias (default {@code audit-signing})
     * @param createIfMissing create the keystore on first start (embedded run); in production it is mounted
     * @param trustedKeys     the fingerprints (key ids) of the signing keys verification accepts. Empty: any
     *                        key stored in the database, which someone able to rewrite the database could
     *                        replace and re-sign with; so production pins its key (and keeps old ones
     *                        listed after a rotation)
     */
    public record Signing(Path keyStore, String password, String alias, boolean createIfMissing,
            List<String> trustedKeys) {

        public Signing {
            alias = alias == null || alias.isBlank() ? "audit-signing" : alias;
            trustedKeys = trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
        }
    }
}
