package uk.org.earlyhelp.routes.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An address as agencies send it; a field the agreement does not allow is null. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Address(String line1, String line2, String town, String postcode, String uprn) {
}
