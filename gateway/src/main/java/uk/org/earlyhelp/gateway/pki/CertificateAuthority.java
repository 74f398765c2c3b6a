package uk.org.earlyhelp.gateway.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;

/** The development CA's signing key and self-signed certificate, as created or loaded from {@code ca.p12}. */
record CertificateAuthority(PrivateKey privateKey, X509Certificate certificate) {

    CertificateAuthority {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** True if this CA's key signed the certificate; used to refuse files left over from another CA. */
    boolean issued(X509Certificate candidate) {
        if (!candidate.getIssuerX500Principal().equals(certificate.getSubjectX500Principal())) {
            return false;
        }
        try {
            candidate.verify(certificate.getPublicKey());
            return true;
        } catch (java.security.GeneralSecurityException e) {
            return false;
        }
    }
}
