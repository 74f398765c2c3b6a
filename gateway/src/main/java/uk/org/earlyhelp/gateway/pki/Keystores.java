package uk.org.earlyhelp.gateway.pki;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;

/**
 * PKCS#12 files in the JDK's own format, readable by Tomcat, the JDK's SSLContext and OpenSSL alike.
 *
 * <p>Note that the JDK stores PKCS#12 aliases in lower case; lookups by alias ignore case.
 */
final class Keystores {

    private static final String TYPE = "PKCS12";

    private Keystores() {
    }

    static byte[] withKey(String alias, PrivateKey key, X509Certificate[] chain, char[] password) {
        KeyStore keystore = empty();
        try {
            keystore.setKeyEntry(alias, key, password, chain);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not put key '" + alias + "' into a keystore", e);
        }
        return store(keystore, password);
    }

    static byte[] withTrustedCertificate(String alias, X509Certificate certificate, char[] password) {
        KeyStore keystore = empty();
        try {
            keystore.setCertificateEntry(alias, certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not put certificate '" + alias + "' into a truststore", e);
        }
        return store(keystore, password);
    }

    /** The key entry under {@code alias}, failing clearly if the file is unreadable with this password. */
    static IssuedKey readKey(Path file, String alias, char[] password) {
        KeyStore keystore = load(file, password);
        try {
            if (!keystore.isKeyEntry(alias)) {
                throw new IllegalStateException(file + " has no key entry named '" + alias + "'");
            }
            PrivateKey key = (PrivateKey) keystore.getKey(alias, password);
            Certificate[] chain = keystore.getCertificateChain(alias);
            return new IssuedKey(key, Arrays.copyOf(chain, chain.length, X509Certificate[].class));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not read key '" + alias + "' from " + file, e);
        }
    }

    /** The trusted certificate under {@code alias}, or null if there is none. */
    static X509Certificate readTrustedCertificate(Path file, String alias, char[] password) {
        KeyStore keystore = load(file, password);
        try {
            return keystore.isCertificateEntry(alias) ? (X509Certificate) keystore.getCertificate(alias) : null;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not read certificate '" + alias + "' from " + file, e);
        }
    }

    private static KeyStore load(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore keystore = KeyStore.getInstance(TYPE);
            keystore.load(in, password);
            return keystore;
        } catch (IOException | GeneralSecurityException e) {
            // Most often a password that differs from the one the file was made with.
            throw new IllegalStateException("Could not open " + file + " (is the configured password the one it was created with?)", e);
        }
    }

    private static KeyStore empty() {
        try {
            KeyStore keystore = KeyStore.getInstance(TYPE);
            keystore.load(null, null);
            return keystore;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("This JDK has no " + TYPE + " keystore", e);
        }
    }

    private static byte[] store(KeyStore keystore, char[] password) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            keystore.store(out, password);
            return out.toByteArray();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not encode a " + TYPE + " keystore", e);
        }
    }
}
