package uk.org.earlyhelp.routes.pipeline;

import java.util.List;
import uk.org.earlyhelp.routes.model.ReceivedFlag;

/** A shared flag whose subjects have been resolved to persons. */
public record MatchedFlag(ReceivedFlag flag, List<MatchedPerson> persons) {
}
