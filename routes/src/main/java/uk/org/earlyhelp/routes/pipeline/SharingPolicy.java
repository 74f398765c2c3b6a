package uk.org.earlyhelp.routes.pipeline;

import uk.org.earlyhelp.routes.model.ReceivedFlag;

/** Applies the information-sharing agreement and the family's consent to one flag, and audits the decision. */
public interface SharingPolicy {

    SharingDecision decide(ReceivedFlag flag);
}
