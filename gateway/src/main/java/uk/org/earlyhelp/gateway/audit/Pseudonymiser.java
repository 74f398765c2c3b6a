package uk.org.earlyhelp.gateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * Turns identifiers into keyed pseudonyms (HMAC-SHA-256 under a secret key): the same NHS number always
 * gives the same key, so an IG officer can search the audit by person, yet the audit holds no identifier
 * and the keys cannot be reversed or recomputed without the secret.
 */
@Component
public class Pseudonymiser {

    private final SecretKeySpec key;

    public Pseudonymiser(AuditSettings settings) {
        this.key = new SecretKeySpec(loadOrCreate(settings.pseudonymisationKeyFile()), "HmacSHA256");
    }

    /** Every key a subject can be found by: NHS number, UPN, and name with date of birth. */
    public List<String> keysFor(Subject subject) {
        Set<String> keys = new LinkedHashSet<>();
        if (subject.nhsNumber() != null) {
            keys.add(key("nhs", subject.nhsNumber()));
        }
        if (subject.upn() != null) {
            keys.add(key("upn", subject.upn().toUpperCase(Locale.ROOT)));
        }
        if (subject.familyName() != null && subject.givenName() != null && subject.dateOfBirth() != null) {
            keys.add(key("name-dob", normalise(subject.familyName()) + "|" + normalise(subject.givenName())
                    + "|" + subject.dateOfBirth()));
        }
        return new ArrayList<>(keys);
    }

    public List<String> keysFor(List<Subject> subjects) {
        Set<String> keys = new LinkedHashSet<>();
        subjects.forEach(subject -> keys.addAll(keysFor(subject)));
        return new ArrayList<>(keys);
    }

    /** A pseudonym of the given kind, e.g. {@code nhs:3f9c...}. */
    public String key(String kind, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal((kind + ":" + value).getBytes(StandardCharsets.UTF_8));
            // 128 bits is ample against collisions across any council's population.
            return kind + ":" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
    }

    private static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return HexFormat.of().parseHex(Files.readString(file, StandardCharsets.US_ASCII).strip());
            }
            byte[] secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, HexFormat.of().formatHex(secret) + "\n", StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // The directory's own permissions protect it.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonymisation key " + file, e);
        }
    }
}
