package uk.org.earlyhelp.routes.pipeline;

import java.util.List;
import uk.org.earlyhelp.routes.model.ReceivedFlag;

/**
 * A shared flag whose subjects have been resolved to persons, or one held for a match reviewer.
 *
 * @param heldForReview a subject could be someone already known but the evidence is not strong enough
 *                      either way: the flag goes no further (joins no family) until a reviewer decides
 */
public record MatchedFlag(ReceivedFlag flag, List<MatchedPerson> persons, boolean heldForReview) {

    public MatchedFlag(ReceivedFlag flag, List<MatchedPerson> persons) {
        this(flag, persons, false);
    }

    public static MatchedFlag held(ReceivedFlag flag) {
        return new MatchedFlag(flag, List.of(), true);
    }
}
