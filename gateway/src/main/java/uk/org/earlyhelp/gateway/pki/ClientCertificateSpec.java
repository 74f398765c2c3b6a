package uk.org.earlyhelp.gateway.pki;

import java.util.Objects;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;

/**
 * One client certificate to issue: the agency id (file name stem) and its certificate subject DN,
 * e.g. {@code "CN=greenfield-primary,OU=school,O=Early Help Gateway Development"}.
 *
 * <p>The DN is read as an RFC 2253 string, the same form {@link X500Principal#getName()} gives back,
 * so the gateway can compare a presented certificate's subject with the configured string.
 */
public record ClientCertificateSpec(String id, String subjectDn) {

    /*
     * The id becomes a file name and a keystore alias, so keep it to characters that are safe on every
     * file system and start it with a letter or digit (no hidden files, no "..").
     */
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    public ClientCertificateSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subjectDn, "subjectDn");
        if (!SAFE_ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "Agency id '" + id + "' must be letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        // "<id>-key.pem" holds an agency's private key, so an id ending in "-key" would collide with
        // the certificate file of the agency named without that suffix.
        if (id.toLowerCase(java.util.Locale.ROOT).endsWith("-key")) {
            throw new IllegalArgumentException("Agency id '" + id + "' must not end in '-key'");
        }
        subject(subjectDn); // fail at configuration time, not half way through issuing certificates
    }

    /** The subject as a principal; throws IllegalArgumentException if the DN does not parse. */
    X500Principal subject() {
        return subject(subjectDn);
    }

    private static X500Principal subject(String dn) {
        try {
            return new X500Principal(dn);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Subject DN '" + dn + "' is not a valid X.500 name: " + e.getMessage(), e);
        }
    }
}
