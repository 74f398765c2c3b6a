package uk.org.earlyhelp.gateway.alerting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.family.Families.HistoryEntry;
import uk.org.earlyhelp.gateway.family.Need;

class AlertConditionsTest {

    private static final int WINDOW_DAYS = 90;

    private static HistoryEntry entry(String flagType, String agencyKind, String needCategory, String severity) {
        return new HistoryEntry(flagType, LocalDate.of(2026, 10, 20), agencyKind, needCategory, severity);
    }

    private static final HistoryEntry SUSPENSION = entry("school-exclusion", "school", "education", Need.MEDIUM);
    private static final HistoryEntry MATERNAL_MENTAL_HEALTH =
            entry("health-visiting-concern", "health-visiting", "health", Need.MEDIUM);
    private static final HistoryEntry DOMESTIC_ABUSE_WITH_CHILDREN =
            entry("police-notification", "police", "domestic-abuse", Need.HIGH);
    private static final HistoryEntry GOOD_ATTENDANCE = entry("school-attendance", "school", null, Need.LOW);

    @Test
    void twoDifferentNeedsRaiseAMultipleNeedsReason() {
        List<AlertReason> reasons = AlertConditions.evaluate(List.of(SUSPENSION, MATERNAL_MENTAL_HEALTH), WINDOW_DAYS);

        assertThat(reasons).singleElement().satisfies(reason -> {
            assertThat(reason.ruleId()).isEqualTo(AlertConditions.MULTIPLE_NEEDS);
            assertThat(reason.ruleVersion()).isEqualTo(AlertConditions.VERSION);
        });
    }

    @Test
    void theMultipleNeedsReasonNamesEachNeedAndTheWindow() {
        List<AlertReason> reasons = AlertConditions.evaluate(List.of(SUSPENSION, MATERNAL_MENTAL_HEALTH), WINDOW_DAYS);

        assertThat(reasons.get(0).explanation())
                .isEqualTo("2 different needs (education, health) were flagged for this family within 90 days.");
    }

    @Test
    void theSameNeedTwiceRaisesNothing() {
        HistoryEntry secondSuspension = entry("school-exclusion", "school", "education", Need.MEDIUM);

        assertThat(AlertConditions.evaluate(List.of(SUSPENSION, secondSuspension), WINDOW_DAYS)).isEmpty();
    }

    @Test
    void theSameNeedFromTwoAgenciesIsStillOneNeed() {
        HistoryEntry persistentAbsence = entry("school-attendance", "school", "education", Need.MEDIUM);

        assertThat(AlertConditions.evaluate(List.of(SUSPENSION, persistentAbsence), WINDOW_DAYS)).isEmpty();
    }

    @Test
    void aFlagRecordingNoNeedDoesNotCountAsANeed() {
        assertThat(AlertConditions.evaluate(List.of(SUSPENSION, GOOD_ATTENDANCE), WINDOW_DAYS)).isEmpty();
    }

    @Test
    void aSingleHighSeverityEventRaisesAHighSeverityReason() {
        List<AlertReason> reasons = AlertConditions.evaluate(List.of(DOMESTIC_ABUSE_WITH_CHILDREN), WINDOW_DAYS);

        assertThat(reasons).extracting(AlertReason::ruleId).containsExactly(AlertConditions.HIGH_SEVERITY);
    }

    @Test
    void theHighSeverityReasonNamesTheFlagTypeOnce() {
        HistoryEntry anotherIncident = entry("police-notification", "police", "domestic-abuse", Need.HIGH);

        List<AlertReason> reasons = AlertConditions.evaluate(List.of(DOMESTIC_ABUSE_WITH_CHILDREN, anotherIncident),
                WINDOW_DAYS);

        assertThat(reasons.get(0).explanation())
                .isEqualTo("A high-severity event (police-notification) was flagged for this family within 90 days.");
    }

    @Test
    void aHighSeverityFlagRecordingNoNeedStillRaisesAHighSeverityReason() {
        HistoryEntry highWithoutCategory = entry("health-visiting-concern", "health-visiting", null, Need.HIGH);

        assertThat(AlertConditions.evaluate(List.of(highWithoutCategory), WINDOW_DAYS))
                .extracting(AlertReason::ruleId).containsExactly(AlertConditions.HIGH_SEVERITY);
    }

    @Test
    void multipleNeedsAndAHighSeverityEventBothFireMultipleNeedsFirst() {
        List<AlertReason> reasons = AlertConditions.evaluate(List.of(SUSPENSION, DOMESTIC_ABUSE_WITH_CHILDREN),
                WINDOW_DAYS);

        assertThat(reasons).extracting(AlertReason::ruleId)
                .containsExactly(AlertConditions.MULTIPLE_NEEDS, AlertConditions.HIGH_SEVERITY);
    }

    @Test
    void oneMediumSeverityNeedRaisesNothing() {
        assertThat(AlertConditions.evaluate(List.of(SUSPENSION), WINDOW_DAYS)).isEmpty();
    }

    @Test
    void anEmptyHistoryRaisesNothing() {
        assertThat(AlertConditions.evaluate(List.of(), WINDOW_DAYS)).isEmpty();
    }
}
