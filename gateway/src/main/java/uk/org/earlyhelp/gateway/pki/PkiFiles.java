package uk.org.earlyhelp.gateway.pki;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Where the PKI's files are, once ensured.
 *
 * @param clientKeystores agency id to {@code agencies/<id>.p12}, in the order the agencies were given
 * @param password        protects every PKCS#12 file; the accessor returns a copy
 */
public record PkiFiles(
        Path directory,
        Path caCertificatePem,
        Path truststore,
        Path serverKeystore,
        Map<String, Path> clientKeystores,
        char[] password) {

    public PkiFiles {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(caCertificatePem, "caCertificatePem");
        Objects.requireNonNull(truststore, "truststore");
        Objects.requireNonNull(serverKeystore, "serverKeystore");
        clientKeystores = Collections.unmodifiableMap(new LinkedHashMap<>(clientKeystores));
        // Copied in and out so that a caller wiping its own array cannot change ours, and vice versa.
        password = Objects.requireNonNull(password, "password").clone();
    }

    @Override
    public char[] password() {
        return password.clone();
    }

    /** {@code agencies/<id>.p12}: the agency's key and certificate chain under alias {@code id}. */
    public Path clientKeystore(String id) {
        Path keystore = clientKeystores.get(id);
        if (keystore == null) {
            throw new IllegalArgumentException("No client certificate was ensured for agency '" + id + "'");
        }
        return keystore;
    }

    /** {@code agencies/<id>.pem}: the agency's certificate, for {@code curl --cert}. */
    public Path clientCertificatePem(String id) {
        return clientKeystore(id).resolveSibling(id + DevelopmentPki.CERTIFICATE_PEM_SUFFIX);
    }

    /** {@code agencies/<id>-key.pem}: the agency's unencrypted PKCS#8 private key, for {@code curl --key}. */
    public Path clientPrivateKeyPem(String id) {
        return clientKeystore(id).resolveSibling(id + DevelopmentPki.PRIVATE_KEY_PEM_SUFFIX);
    }

    // A record compares arrays by identity; compare the password by content like the other components.
    @Override
    public boolean equals(Object other) {
        return other instanceof PkiFiles that
                && directory.equals(that.directory)
                && caCertificatePem.equals(that.caCertificatePem)
                && truststore.equals(that.truststore)
                && serverKeystore.equals(that.serverKeystore)
                && clientKeystores.equals(that.clientKeystores)
                && Arrays.equals(password, that.password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(directory, caCertificatePem, truststore, serverKeystore, clientKeystores, Arrays.hashCode(password));
    }

    @Override
    public String toString() {
        return "PkiFiles[directory=" + directory + ", caCertificatePem=" + caCertificatePem + ", truststore=" + truststore
                + ", serverKeystore=" + serverKeystore + ", clientKeystores=" + clientKeystores + ", password=****]";
    }
}
