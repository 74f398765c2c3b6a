package uk.org.earlyhelp.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.io.ClassPathResource;
import uk.org.earlyhelp.routes.model.AgencyKind;

class SharingAgreementsTest {

    private static SharingAgreements load(String classpathLocation) {
        return new SharingAgreements(new PolicySettings(new ClassPathResource(classpathLocation)));
    }

    private static SharingAgreements shipped() {
        return load("config/agreements.yaml");
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
        assertThat(applicable.rule().flagType()).isEqualTo(flagType);
        assertThat(applicable.agreement().id()).isEqualTo(agreementId);
    }

    @Test
    void noRuleLetsAnAgencySendAFlagTypeOfAnotherKind() {
        assertThat(shipped().ruleFor(AgencyKind.POLICE, "school-exclusion")).isEmpty();
    }

    @Test
    void noRuleGovernsAnUnknownFlagType() {
        assertThat(shipped().ruleFor(AgencyKind.SCHOOL, "school-lunch-debt")).isEmpty();
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
    }

    @Test
    void theShippedLawfulBasisIsReadFromKebabCaseYaml() {
        LawfulBasis basis = shipped().ruleFor(AgencyKind.SCHOOL, "school-attendance").orElseThrow().rule().lawfulBasis();

        assertThat(basis.article6()).isEqualTo("6(1)(c) legal obligation");
    }

    @Test
    void twoRulesForTheSameKindAndFlagTypeAreRefusedNamingBothRules() {
        assertThatThrownBy(() -> load("agreements/two-rules-same-kind-and-type.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("school-exclusion-v1")
                .hasMessageContaining("school-exclusion-v2")
                .hasMessageContaining("school sending school-exclusion");
    }

    @Test
    void anUnknownConsentValueIsRefusedNamingTheAllowedValues() {
        assertThatThrownBy(() -> load("agreements/unknown-consent.yaml"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("required, not-required, required-unless-safeguarding")
                .hasMessageContaining("implied");
    }

    @Test
    void anUnknownPropertyIsRefused() {
        assertThatThrownBy(() -> load("agreements/unknown-property.yaml"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("retention-period");
    }

    @Test
    void aRuleWithoutAnArticle6LawfulBasisIsRefused() {
        assertThatThrownBy(() -> load("agreements/missing-article6.yaml"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("police-notification-v1")
                .hasMessageContaining("Article 6");
    }

    @Test
    void aMissingAgreementsFileIsRefusedNamingWhereItWasLookedFor() {
        assertThatThrownBy(() -> load("agreements/no-such-file.yaml"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("agreements/no-such-file.yaml");
    }
}
