package uk.org.earlyhelp.gateway.alerting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import uk.org.earlyhelp.gateway.family.Families.HistoryEntry;
import uk.org.earlyhelp.gateway.family.Need;

/**
 * The alert rules, each a pure function of a family's recent history: two or more different needs, or
 * one high-severity event. Kept free of storage so each rule can be read and tested on its own.
 */
final class AlertConditions {

    static final String MULTIPLE_NEEDS = "multiple-needs";
    static final String HIGH_SEVERITY = "high-severity-event";
    static final int VERSION = 1;

    private AlertConditions() {
    }

    static List<AlertReason> evaluate(List<HistoryEntry> recent, int windowDays) {
        List<AlertReason> reasons = new ArrayList<>();
        TreeSet<String> needs = new TreeSet<>();
        recent.stream().map(HistoryEntry::needCategory).filter(Objects::nonNull).forEach(needs::add);
        if (needs.size() >= 2) {
            reasons.add(new AlertReason(MULTIPLE_NEEDS, VERSION, needs.size() + " different needs ("
                    + String.join(", ", needs) + ") were flagged for this family within " + windowDays + " days."));
        }
        List<String> highSeverity = recent.stream()
                .filter(entry -> Need.HIGH.equals(entry.severity()))
                .map(HistoryEntry::flagType).distinct().toList();
        if (!highSeverity.isEmpty()) {
            reasons.add(new AlertReason(HIGH_SEVERITY, VERSION, "A high-severity event ("
                    + String.join(", ", highSeverity) + ") was flagged for this family within "
                    + windowDays + " days."));
        }
        return reasons;
    }
}
