package uk.org.earlyhelp.routes.pipeline;

import uk.org.earlyhelp.routes.model.ReceivedFlag;

/**
 * The policy stage's answer for one flag: shared on to matching, or withheld.
 *
 * @param ruleId  the agreement rule that decided, recorded in the audit
 * @param reason  plain English, no personal data
 */
public record SharingDecision(ReceivedFlag flag, boolean shared, String agreementId, int agreementVersion,
        String ruleId, String reason) {
}
