package uk.org.earlyhelp.gateway.family;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.routes.model.Agency;
import uk.org.earlyhelp.routes.model.AgencyKind;
import uk.org.earlyhelp.routes.model.ReceivedFlag;

class NeedClassifierTest {

    /** Details as Jackson gives them from JSON: strings, Integers and Booleans. */
    private static ReceivedFlag flag(String flagType, AgencyKind kind, Object... keysAndValues) {
        Map<String, Object> details = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            details.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new ReceivedFlag("00000000-0000-0000-0000-000000000001", new Agency("test-agency", kind), "https",
                Instant.parse("2026-11-01T09:00:00Z"), "test-message-1", flagType, LocalDate.of(2026, 10, 31),
                List.of(), details, "test-agreement", 1, List.of());
    }

    private static ReceivedFlag attendance(int sessionsPossible, int sessionsMissed) {
        return flag("school-attendance", AgencyKind.SCHOOL, "periodStart", "2026-09-02", "periodEnd", "2026-10-23",
                "sessionsPossible", sessionsPossible, "sessionsMissed", sessionsMissed);
    }

    private static ReceivedFlag exclusion(String kind) {
        return flag("school-exclusion", AgencyKind.SCHOOL, "kind", kind, "startDate", "2026-10-20",
                "reasonCategory", "persistent-disruptive-behaviour");
    }

    private static ReceivedFlag police(String incidentType, boolean childrenPresent, String riskLevel) {
        ReceivedFlag flag = flag("police-notification", AgencyKind.POLICE, "incidentType", incidentType,
                "policeReference", "CHS-20261031-0457", "childrenPresent", childrenPresent);
        if (riskLevel != null) {
            flag.details().put("riskLevel", riskLevel);
        }
        return flag;
    }

    private static ReceivedFlag healthVisiting(String concernCategory, String severity) {
        return flag("health-visiting-concern", AgencyKind.HEALTH_VISITING, "concernCategory", concernCategory,
                "severity", severity);
    }

    private static ReceivedFlag adultServices(String concernType, String severity) {
        return flag("adult-services-notification", AgencyKind.ADULT_SERVICES, "concernType", concernType,
                "inTreatment", Boolean.TRUE, "severity", severity);
    }

    @Test
    void persistentAbsenceStartsAtTenPercentOfSessionsMissed() {
        assertThat(NeedClassifier.classify(attendance(100, 10))).isEqualTo(new Need("education", Need.MEDIUM));
    }

    @Test
    void missingJustUnderTenPercentOfSessionsIsNoNeedAndLowSeverity() {
        assertThat(NeedClassifier.classify(attendance(1000, 99))).isEqualTo(new Need(null, Need.LOW));
    }

    @Test
    void missingNoSessionsIsNoNeed() {
        assertThat(NeedClassifier.classify(attendance(74, 0))).isEqualTo(new Need(null, Need.LOW));
    }

    @Test
    void tenPercentIsComparedWithoutRoundingTheRatio() {
        // 7/71 is 9.86%: rounded to one place it would read 9.9%, to none 10%.
        assertThat(NeedClassifier.classify(attendance(71, 7)).category()).isNull();
    }

    @Test
    void severeAbsenceStartsAtFiftyPercentOfSessionsMissed() {
        assertThat(NeedClassifier.classify(attendance(100, 50))).isEqualTo(new Need("education", Need.HIGH));
    }

    @Test
    void missingJustUnderHalfOfSessionsIsPersistentNotSevereAbsence() {
        assertThat(NeedClassifier.classify(attendance(1000, 499))).isEqualTo(new Need("education", Need.MEDIUM));
    }

    @Test
    void missingEverySessionIsSevereAbsence() {
        assertThat(NeedClassifier.classify(attendance(74, 74))).isEqualTo(new Need("education", Need.HIGH));
    }

    @Test
    void attendanceCountsGivenAsTextAreReadTheSameWay() {
        ReceivedFlag flag = flag("school-attendance", AgencyKind.SCHOOL, "sessionsPossible", "100",
                "sessionsMissed", "10");

        assertThat(NeedClassifier.classify(flag)).isEqualTo(new Need("education", Need.MEDIUM));
    }

    @Test
    void aPermanentExclusionIsAHighSeverityEducationNeed() {
        assertThat(NeedClassifier.classify(exclusion("permanent-exclusion"))).isEqualTo(new Need("education", Need.HIGH));
    }

    @Test
    void aSuspensionIsAMediumSeverityEducationNeed() {
        assertThat(NeedClassifier.classify(exclusion("suspension"))).isEqualTo(new Need("education", Need.MEDIUM));
    }

    @Test
    void domesticAbuseWithChildrenPresentIsHighSeverityWhateverTheRiskGrade() {
        assertThat(NeedClassifier.classify(police("domestic-abuse", true, "standard")))
                .isEqualTo(new Need("domestic-abuse", Need.HIGH));
    }

    @Test
    void domesticAbuseWithoutChildrenPresentGradedStandardRiskIsLowSeverity() {
        assertThat(NeedClassifier.classify(police("domestic-abuse", false, "standard")))
                .isEqualTo(new Need("domestic-abuse", Need.LOW));
    }

    @Test
    void domesticAbuseWithoutChildrenPresentGradedMediumRiskIsMediumSeverity() {
        assertThat(NeedClassifier.classify(police("domestic-abuse", false, "medium")))
                .isEqualTo(new Need("domestic-abuse", Need.MEDIUM));
    }

    @Test
    void aHighRiskPoliceNotificationIsHighSeverity() {
        assertThat(NeedClassifier.classify(police("exploitation-concern", false, "high")))
                .isEqualTo(new Need("abuse-and-exploitation", Need.HIGH));
    }

    @Test
    void childrenPresentMakesOnlyDomesticAbuseHighSeverity() {
        assertThat(NeedClassifier.classify(police("missing-child", true, null)))
                .isEqualTo(new Need("abuse-and-exploitation", Need.MEDIUM));
    }

    @Test
    void aPoliceNotificationWithoutARiskGradeIsMediumSeverity() {
        assertThat(NeedClassifier.classify(police("domestic-abuse", false, null)).severity()).isEqualTo(Need.MEDIUM);
    }

    @Test
    void aHealthVisitorsSeverityPassesThrough() {
        assertThat(NeedClassifier.classify(healthVisiting("maternal-mental-health", "low")))
                .isEqualTo(new Need("health", Need.LOW));
    }

    @Test
    void aHealthVisitingConcernWithoutSeverityIsMedium() {
        ReceivedFlag flag = flag("health-visiting-concern", AgencyKind.HEALTH_VISITING,
                "concernCategory", "home-conditions");

        assertThat(NeedClassifier.classify(flag)).isEqualTo(new Need("early-years", Need.MEDIUM));
    }

    @Test
    void developmentalDelayIsAnEarlyYearsNeed() {
        assertThat(NeedClassifier.classify(healthVisiting("developmental-delay", "medium")).category())
                .isEqualTo("early-years");
    }

    @Test
    void aDomesticAbuseDisclosureToAHealthVisitorIsADomesticAbuseNeed() {
        assertThat(NeedClassifier.classify(healthVisiting("domestic-abuse-disclosure", "high")))
                .isEqualTo(new Need("domestic-abuse", Need.HIGH));
    }

    @Test
    void parentingCapacityIsAFamilyRelationshipsNeed() {
        assertThat(NeedClassifier.classify(healthVisiting("parenting-capacity", "medium")).category())
                .isEqualTo("family-relationships");
    }

    @Test
    void anAdultServicesSeverityPassesThrough() {
        assertThat(NeedClassifier.classify(adultServices("parental-substance-misuse", "high")))
                .isEqualTo(new Need("substance-use", Need.HIGH));
    }

    @Test
    void adultSafeguardingIsAnAbuseAndExploitationNeed() {
        assertThat(NeedClassifier.classify(adultServices("adult-safeguarding", "medium")).category())
                .isEqualTo("abuse-and-exploitation");
    }

    @Test
    void aParentsLearningDisabilityIsAHealthNeed() {
        assertThat(NeedClassifier.classify(adultServices("learning-disability", "low")))
                .isEqualTo(new Need("health", Need.LOW));
    }

    @Test
    void anUnknownFlagTypeIsRefused() {
        assertThatThrownBy(() -> NeedClassifier.classify(flag("school-lunch-debt", AgencyKind.SCHOOL)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("school-lunch-debt");
    }
}
