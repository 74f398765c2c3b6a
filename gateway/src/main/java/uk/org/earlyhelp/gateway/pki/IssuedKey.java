package uk.org.earlyhelp.gateway.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;

/** A freshly generated or loaded private key with its certificate chain, leaf first. */
record IssuedKey(PrivateKey privateKey, X509Certificate[] chain) {

    IssuedKey {
        chain = chain.clone();
    }

    @Override
    public X509Certificate[] chain() {
        return chain.clone();
    }

    X509Certificate certificate() {
        return chain[0];
    }
}
