package uk.org.earlyhelp.gateway.console.audit;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import uk.org.earlyhelp.gateway.audit.PersonIdentifiers;
import uk.org.earlyhelp.schemas.NhsNumber;
import uk.org.earlyhelp.schemas.UniquePupilNumber;

/**
 * The person an IG officer asks about, as typed into a console form: an NHS number, a UPN, or family
 * name, given name and date of birth. Sent by POST only, so identifiers never appear in a URL (and so in
 * no browser history or access log). Turned into pseudonymous keys at once, as the audit API does.
 */
public class PersonForm {

    private String nhsNumber;
    private String upn;
    private String familyName;
    private String givenName;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate dateOfBirth;

    public PersonIdentifiers identifiers() {
        return new PersonIdentifiers(nhsNumber, upn, familyName, givenName, dateOfBirth);
    }

    /** What is wrong with the identifiers, each naming its field; empty when they name one person (or none). */
    public List<String> problems() {
        PersonIdentifiers person = identifiers();
        List<String> problems = new ArrayList<>();
        if (person.nhsNumber() != null && !NhsNumber.isValid(person.nhsNumber())) {
            problems.add("NHS number: not a valid NHS number (10 digits, the last a check digit)");
        }
        if (person.upn() != null && !UniquePupilNumber.isValid(person.upn())) {
            problems.add("UPN: not a valid unique pupil number (13 characters, the first a check letter)");
        }
        if (!person.isEmpty() && !person.isComplete()) {
            problems.add("Family name, given name and date of birth: give all three together, or none");
        }
        return problems;
    }

    public boolean isEmpty() {
        return identifiers().isEmpty();
    }

    public String getNhsNumber() {
        return nhsNumber;
    }

    public void setNhsNumber(String nhsNumber) {
        this.nhsNumber = nhsNumber;
    }

    public String getUpn() {
        return upn;
    }

    public void setUpn(String upn) {
        this.upn = upn;
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public LocalDate getDateOfBirth() {
        return dateOfBirth;
    }

    public void setDateOfBirth(LocalDate dateOfBirth) {
        this.dateOfBirth = dateOfBirth;
    }
}
