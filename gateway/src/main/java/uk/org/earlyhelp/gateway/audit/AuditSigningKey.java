package uk.org.earlyhelp.gateway.audit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The Ed25519 key checkpoints are signed with, from a PKCS#12 keystore: created with a self-signed
 * certificate on first start in the embedded run, mounted in production.
 */
final class AuditSigningKey {

    private static final String TYPE = "PKCS12";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;

    private AuditSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    PublicKey publicKey() {
        return publicKey;
    }

    static AuditSigningKey load(AuditSettings.Signing settings) {
        if (settings.keyStore() == null) {
            throw new IllegalStateException("gateway.audit.signing.key-store is not set: checkpoints cannot be signed");
        }
        if (settings.password() == null || settings.password().isEmpty()) {
            throw new IllegalStateException("gateway.audit.signing.password is not set");
        }
        char[] password = settings.password().toCharArray();
        Path file = settings.keyStore();
        if (!Files.exists(file)) {
            if (!settings.createIfMissing()) {
                throw new IllegalStateException("the audit signing keystore " + file + " does not exist");
            }
            create(file, settings.alias(), password);
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keystore = KeyStore.getInstance(TYPE);
            keystore.load(in, password);
            if (!keystore.isKeyEntry(settings.alias())) {
                throw new IllegalStateException(file + " has no key entry named '" + settings.alias() + "'");
            }
            PrivateKey key = (PrivateKey) keystore.getKey(settings.alias(), password);
            Certificate certificate = keystore.getCertificate(settings.alias());
            return new AuditSigningKey(key, certificate.getPublicKey());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the audit signing key from " + file, e);
        }
    }

    private static void create(Path file, String alias, char[] password) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            X500Name name = new X500Name("CN=Early Help Gateway audit signing");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                            Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(Duration.ofDays(3650))),
                            name, pair.getPublic())
                            .build(new JcaContentSignerBuilder("Ed25519").build(pair.getPrivate())));
            KeyStore keystore = KeyStore.getInstance(TYPE);
            keystore.load(null, password);
            keystore.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[] {certificate});
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
            try (OutputStream out = Files.newOutputStream(partial)) {
                keystore.store(out, password);
            }
            try {
                Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // The directory's own permissions protect it.
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the audit signing keystore " + file, e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create an Ed25519 audit signing key", e);
        }
    }
}
