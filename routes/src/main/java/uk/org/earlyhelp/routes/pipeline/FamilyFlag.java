package uk.org.earlyhelp.routes.pipeline;

import java.util.UUID;
import uk.org.earlyhelp.routes.model.ReceivedFlag;

/** A flag recorded in one family's history. */
public record FamilyFlag(ReceivedFlag flag, UUID familyId) {
}
