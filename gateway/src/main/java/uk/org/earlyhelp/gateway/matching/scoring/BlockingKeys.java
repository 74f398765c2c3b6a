package uk.org.earlyhelp.gateway.matching.scoring;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import uk.org.earlyhelp.gateway.matching.Normalise;
import uk.org.earlyhelp.routes.model.Subject;
import uk.org.earlyhelp.schemas.NhsNumber;
import uk.org.earlyhelp.schemas.UniquePupilNumber;

/**
 * The keys under which a record is looked up for candidates: only pairs sharing a key are scored. Each key
 * is a row of {@code person_blocking_keys} in PostgreSQL (indexed). Several keys, so that one corrupted
 * field does not hide a true match: a valid identifier; the surname's Soundex with the birth year and the
 * given name's initial (survives a typo in the surname, a swapped day and month, a new address); the full
 * date of birth (survives a changed surname or a nickname); the postcode with the given name's initial
 * (survives a wrong date of birth).
 */
public final class BlockingKeys {

    private BlockingKeys() {
    }

    public static List<String> of(Subject s) {
        List<String> keys = new ArrayList<>(5);
        if (s.nhsNumber() != null && NhsNumber.isValid(s.nhsNumber())) {
            keys.add("nhs:" + s.nhsNumber());
        }
        if (s.upn() != null && UniquePupilNumber.isValid(s.upn().toUpperCase(Locale.ROOT))) {
            keys.add("upn:" + s.upn().toUpperCase(Locale.ROOT));
        }
        String soundex = Soundex.of(Normalise.name(s.familyName()));
        String given = Normalise.name(s.givenName());
        boolean hasGiven = given != null && !given.isEmpty();
        if (soundex != null && s.dateOfBirth() != null && hasGiven) {
            // With the given name's initial: the surname code and year alone make blocks of hundreds at a
            // million persons (S530 covers Smith, Smyth, Schmidt, ...), and scoring each costs time.
            keys.add("sx:" + soundex + "|" + s.dateOfBirth().getYear() + "|" + given.charAt(0));
        }
        if (s.dateOfBirth() != null) {
            keys.add("dob:" + s.dateOfBirth());
        }
        String postcode = s.address() == null ? null : Normalise.postcode(s.address().postcode());
        if (postcode != null && !postcode.isEmpty() && hasGiven) {
            keys.add("pc:" + postcode + "|" + given.charAt(0));
        }
        return keys;
    }
}
