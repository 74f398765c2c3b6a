package uk.org.earlyhelp.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.org.earlyhelp.routes.model.AgencyKind;
import uk.org.earlyhelp.schemas.FlagSchemas;

/** The agreements as configuration: read, checked, indexed, and changed without a restart. */
class SharingAgreementsTest {

    private static final AgreementReader READER = new AgreementReader(FlagSchemas.load());

    /** A valid one-rule agreement that each case below breaks in one way. */
    private static final String SCHOOLS = """
            id: isa-test-schools
            version: 1
            title: Test schools agreement
            agency-kinds: [school]
            rules:
              - rule-id: test-school-exclusion
                flag-type: school-exclusion
                purpose: early-help
                lawful-basis:
                  article6: "6(1)(e) public task"
                consent: not-required
                keep: [subjects.role, subjects.givenName, subjects.familyName, subjects.upn, details.kind]
                alert-fields: [subjects.role, subjects.givenName, subjects.familyName]
                retention: P2Y
            """;

    private static SharingAgreements load(String location) {
        return new SharingAgreements(new PolicySettings(location, Duration.ofSeconds(10)), READER);
    }

    private static SharingAgreements shipped() {
        return load("classpath:agreements/*.yaml");
    }

    @ParameterizedTest(name = "{0} sending {1} is governed by {2} of {3}")
    @CsvSource({
            "school,          school-exclusion,            school-exclusion-v1,            isa-schools-early-help",
            "school,          school-attendance,           school-attendance-v1,           isa-schools-early-help",
            "health-visiting, health-visiting-concern,     health-visiting-concern-v1,     isa-health-visiting-early-help",
            "police,          police-notification,         police-notification-v1,         isa-police-early-help",
            "adult-services,  adult-services-notification, adult-services-notification-v1, isa-adult-services-early-help"
    })
    void theShippedAgreementsGovernEachKindOfAgencysFlagTypes(String kind, String flagType, String ruleId,
            String agreementId) {
        ApplicableRule applicable = shipped().ruleFor(AgencyKind.fromId(kind), flagType).orElseThrow();

        assertThat(applicable.rule().ruleId()).isEqualTo(ruleId);
        assertThat(applicable.agreement().id()).isEqualTo(agreementId);
        assertThat(applicable.rule().retention()).isPositive();
    }

    @Test
    void noRuleLetsAnAgencySendAFlagTypeOfAnotherKind() {
        assertThat(shipped().ruleFor(AgencyKind.POLICE, "school-exclusion")).isEmpty();
    }

    @Test
    void theShippedHealthVisitingRuleNeedsConsentUnlessSafeguarding() {
        AgreementRule rule = shipped().ruleFor(AgencyKind.HEALTH_VISITING, "health-visiting-concern")
                .orElseThrow().rule();

        assertThat(rule.consent()).isEqualTo(ConsentRule.REQUIRED_UNLESS_SAFEGUARDING);
        assertThat(rule.safeguardingWhen()).containsExactly(
                new SafeguardingCondition("details.severity", List.of("high")));
    }

    @Test
    void theShippedPoliceRuleDoesNotKeepTheNarrativeOrLocation() {
        AgreementRule rule = shipped().ruleFor(AgencyKind.POLICE, "police-notification").orElseThrow().rule();

        assertThat(rule.keep()).contains("details.incidentType", "details.childrenPresent", "subjects.address.postcode")
                .doesNotContain("details.narrative", "details.location");
        assertThat(rule.retention()).isEqualTo(Period.ofYears(2));
    }

    @Test
    void aValidFileIsReadAsOneAgreement(@TempDir Path dir) throws IOException {
        write(dir, "schools.yaml", SCHOOLS);

        AgreementRule rule = load(pattern(dir)).ruleFor(AgencyKind.SCHOOL, "school-exclusion").orElseThrow().rule();

        assertThat(rule.alertFields()).containsExactlyInAnyOrder("subjects.role", "subjects.givenName",
                "subjects.familyName");
    }

    @Test
    void twoRulesForTheSameKindAndFlagTypeAreRefusedNamingBoth(@TempDir Path dir) throws IOException {
        write(dir, "schools.yaml", SCHOOLS);
        write(dir, "schools-again.yaml", SCHOOLS.replace("isa-test-schools", "isa-other-schools")
                .replace("test-school-exclusion", "other-school-exclusion"));

        assertThatThrownBy(() -> load(pattern(dir))).isInstanceOf(InvalidAgreements.class)
                .hasMessageContaining("school sending school-exclusion is governed both by rule")
                .hasMessageContaining("other-school-exclusion of isa-other-schools")
                .hasMessageContaining("test-school-exclusion of isa-test-schools");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "an unknown consent rule      | 'consent: not-required'    | 'consent: implied'                    | /rules/0/consent",
            "an unknown property          | 'retention: P2Y'           | 'retention-period: P2Y'               | /rules/0/retention-period",
            "no Article 6 basis           | 'article6: \"6(1)(e) public task\"' | 'article9: \"9(2)(g) substantial public interest\"' | /rules/0/lawful-basis/article6",
            "a field the contract lacks   | 'details.kind]'            | 'details.narative]'                   | keep names details.narative, which is not a field of school-exclusion",
            "an alert field keep drops    | 'subjects.familyName]'     | 'subjects.familyName, subjects.upn, subjects.dateOfBirth]' | alert-fields names subjects.dateOfBirth, which keep drops",
            "an alert that names no one   | 'alert-fields: [subjects.role, subjects.givenName, subjects.familyName]' | 'alert-fields: [subjects.role, subjects.givenName]' | alert-fields must include subjects.familyName",
            "safeguarding with no need    | 'consent: not-required'    | 'consent: required-unless-safeguarding' | needs safeguarding-when",
            "a retention that is no period| 'retention: P2Y'           | 'retention: two years'                | /rules/0/retention"
    })
    void aBrokenAgreementIsRefusedNamingTheFileTheRuleAndTheProblem(String broken, String original,
            String replacement, String expected, @TempDir Path dir) throws IOException {
        write(dir, "schools.yaml", SCHOOLS.replace(original, replacement));

        assertThatThrownBy(() -> load(pattern(dir))).isInstanceOf(InvalidAgreements.class)
                .hasMessageContaining("schools.yaml")
                .hasMessageContaining(expected);
    }

    @Test
    void noAgreementFilesAtAllIsRefused(@TempDir Path dir) {
        assertThatThrownBy(() -> load(pattern(dir))).isInstanceOf(InvalidAgreements.class)
                .hasMessageContaining("no agreement files found");
    }

    @Test
    void aValidChangeTakesEffectWithoutARestart(@TempDir Path dir) throws IOException {
        write(dir, "schools.yaml", SCHOOLS);
        SharingAgreements agreements = load(pattern(dir));
        assertThat(agreements.reloadIfChanged()).isInstanceOf(SharingAgreements.Reload.Unchanged.class);

        write(dir, "schools.yaml", SCHOOLS.replace("version: 1", "version: 2"));

        assertThat(agreements.reloadIfChanged()).isInstanceOf(SharingAgreements.Reload.Loaded.class);
        assertThat(agreements.ruleFor(AgencyKind.SCHOOL, "school-exclusion").orElseThrow().agreement().version())
                .isEqualTo(2);
    }

    @Test
    void anInvalidChangeIsRefusedOnceAndTheLastValidSetStaysInForce(@TempDir Path dir) throws IOException {
        write(dir, "schools.yaml", SCHOOLS);
        SharingAgreements agreements = load(pattern(dir));

        write(dir, "schools.yaml", SCHOOLS.replace("version: 1", "version: 2").replace("consent: not-required",
                "consent: implied"));

        assertThat(agreements.reloadIfChanged()).isInstanceOf(SharingAgreements.Reload.Refused.class);
        assertThat(agreements.reloadIfChanged()).as("reported once, not at every check")
                .isInstanceOf(SharingAgreements.Reload.Unchanged.class);
        assertThat(agreements.ruleFor(AgencyKind.SCHOOL, "school-exclusion").orElseThrow().agreement().version())
                .isEqualTo(1);
    }

    private static String pattern(Path dir) {
        return dir.toUri() + "*.yaml";
    }

    private static void write(Path dir, String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text);
    }
}
