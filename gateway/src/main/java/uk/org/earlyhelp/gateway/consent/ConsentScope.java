package uk.org.earlyhelp.gateway.consent;

import java.time.LocalDate;
import java.util.List;

/**
 * What a consent record covers. Null lists mean "all": a record with no agency kinds applies to flags
 * from every kind of agency.
 *
 * @param expiresOn the last day the record applies; null for no expiry
 */
public record ConsentScope(List<String> agencyKinds, List<String> purposes, LocalDate expiresOn) {

    public static final ConsentScope EVERYTHING = new ConsentScope(null, null, null);
}
