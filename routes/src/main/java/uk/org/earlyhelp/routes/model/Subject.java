package uk.org.earlyhelp.routes.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * A person a flag is about, with the identifiers the sending agency really holds. After minimisation
 * every field the agreement does not allow is null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subject(
        String role,
        String relationshipToChild,
        String nhsNumber,
        String upn,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String sex,
        Address address) {

    public static final String ROLE_CHILD = "child";

    public boolean isChild() {
        return ROLE_CHILD.equals(role);
    }

    public String postcode() {
        return address == null ? null : address.postcode();
    }
}
