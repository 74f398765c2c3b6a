package uk.org.earlyhelp.gateway.matching.scoring;

/** The fields a pair of records is compared on; each gets one {@link Level} per comparison. */
public enum Field {
    GIVEN_NAME, FAMILY_NAME, DATE_OF_BIRTH, POSTCODE, SEX, NHS_NUMBER, UPN
}
