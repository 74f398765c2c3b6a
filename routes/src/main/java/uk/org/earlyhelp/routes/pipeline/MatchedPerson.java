package uk.org.earlyhelp.routes.pipeline;

import java.util.UUID;

/**
 * One subject of a flag resolved to a person in the master person index.
 *
 * @param subjectIndex the subject's position in the flag
 * @param method       how the person was found, e.g. {@code nhs-number}, or {@code created}
 */
public record MatchedPerson(int subjectIndex, UUID personId, String method) {
}
