package uk.org.earlyhelp.gateway.pki;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** PEM text for the files developers hand to curl, openssl and similar tools. */
final class Pem {

    private Pem() {
    }

    static byte[] certificate(X509Certificate certificate) {
        try {
            return encode(new PemObject("CERTIFICATE", certificate.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Could not encode certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** Unencrypted PKCS#8 ("BEGIN PRIVATE KEY"), which curl and OpenSSL read without a passphrase. */
    static byte[] privateKey(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat())) {
            throw new IllegalArgumentException("Expected a PKCS#8 encodable key but got " + key.getFormat());
        }
        return encode(new PemObject("PRIVATE KEY", key.getEncoded()));
    }

    private static byte[] encode(PemObject object) {
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
