package uk.org.earlyhelp.gateway.matching.scoring;

/**
 * Comparison levels, shared by all fields so that the weights file reads as one table. Each field uses only
 * some of them (see {@link Comparisons}). {@link #MISSING} always weighs 0: an absent value (or an invalid
 * identifier) is evidence of nothing.
 */
public enum Level {
    /** Equal after normalisation. */
    EXACT,
    /** Given names in the same nickname group (William / Bill). */
    NICKNAME,
    /** Jaro-Winkler at or above 0.92: one typo in a longer name. */
    JW_HIGH,
    /** Jaro-Winkler at or above 0.85. */
    JW_MEDIUM,
    /** Surnames that sound alike (same Soundex code). */
    PHONETIC,
    /** One half of a double-barrelled surname equals the other surname or one of its halves. */
    SHARED_PART,
    /** Date of birth with day and month swapped. */
    DAY_MONTH_SWAPPED,
    /** Date of birth with exactly one of day, month or year different, by one. */
    ONE_COMPONENT_OFF,
    /** Postcodes in the same sector (outward code and first inward digit). */
    SAME_SECTOR,
    /** Postcodes in the same district (outward code). */
    SAME_DISTRICT,
    /** Valid identifiers, equal: strong agreement. */
    AGREE,
    /** Valid identifiers, different: strong disagreement. */
    DISAGREE,
    /** Present on both and none of the above. */
    DIFFERENT,
    /** Absent on either side, or (identifiers) invalid. */
    MISSING
}
