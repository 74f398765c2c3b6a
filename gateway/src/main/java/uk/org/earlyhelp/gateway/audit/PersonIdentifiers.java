package uk.org.earlyhelp.gateway.audit;

import java.time.LocalDate;
import java.util.List;
import uk.org.earlyhelp.routes.model.Subject;

/**
 * The identifiers an IG officer looks a person up by, as given in a request: an NHS number, a UPN, or
 * family name, given name and date of birth together. They are turned into the audit's pseudonymous keys
 * at once and never stored.
 */
public record PersonIdentifiers(String nhsNumber, String upn, String familyName, String givenName,
        LocalDate dateOfBirth) {

    public PersonIdentifiers {
        nhsNumber = blankToNull(nhsNumber == null ? null : nhsNumber.replaceAll("\\s", ""));
        upn = blankToNull(upn == null ? null : upn.strip());
        familyName = blankToNull(familyName);
        givenName = blankToNull(givenName);
    }

    public boolean isEmpty() {
        return nhsNumber == null && upn == null && familyName == null && givenName == null && dateOfBirth == null;
    }

    /** Name and date of birth go together: one of them alone identifies nobody. */
    public boolean isComplete() {
        boolean anyNamePart = familyName != null || givenName != null || dateOfBirth != null;
        boolean allNameParts = familyName != null && givenName != null && dateOfBirth != null;
        return !isEmpty() && (!anyNamePart || allNameParts);
    }

    /** The pseudonymous keys the audit knows this person by (the same derivation as at intake). */
    public List<String> keys(Pseudonymiser pseudonymiser) {
        return pseudonymiser.keysFor(new Subject(null, null, nhsNumber, upn, givenName, familyName, dateOfBirth,
                null, null));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
