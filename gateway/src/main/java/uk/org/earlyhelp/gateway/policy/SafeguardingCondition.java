package uk.org.earlyhelp.gateway.policy;

import java.util.List;

/**
 * Marks a flag as a safeguarding concern when one of its detail fields has one of the listed values,
 * e.g. {@code details.riskLevel in [high]}.
 */
public record SafeguardingCondition(String field, List<String> in) {
}
