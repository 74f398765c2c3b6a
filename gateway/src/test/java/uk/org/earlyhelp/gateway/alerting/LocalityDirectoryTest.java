package uk.org.earlyhelp.gateway.alerting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import uk.org.earlyhelp.gateway.alerting.AlertingSettings.Locality;

class LocalityDirectoryTest {

    private static Locality locality(String id, String... postcodeAreas) {
        return new Locality(id, id + " family hub", List.of(postcodeAreas), "CN=" + id + ",OU=locality");
    }

    private static LocalityDirectory directory(Locality... localities) {
        return new LocalityDirectory(new AlertingSettings(90, List.of(localities)));
    }

    /** Runcorn North covers three sectors of WA7; a Halton-wide team covers the rest of the WA7 district. */
    private static final LocalityDirectory HALTON = directory(
            locality("runcorn-north", "WA7 1", "WA7 2", "WA7 3"),
            locality("halton-east", "WA7"),
            locality("widnes", "WA8"));

    @Test
    void aSectorIsPreferredToTheDistrictThatContainsIt() {
        assertThat(HALTON.localityFor("WA7 1AB")).contains("runcorn-north");
    }

    @Test
    void aPostcodeInACoveredDistrictButNoCoveredSectorGoesToTheDistrictsTeam() {
        assertThat(HALTON.localityFor("WA7 4XY")).contains("halton-east");
    }

    @Test
    void aPostcodeInADistrictOnlyLocalityGoesToThatTeam() {
        assertThat(HALTON.localityFor("WA8 7QD")).contains("widnes");
    }

    @Test
    void postcodeSpacingDoesNotMatter() {
        assertThat(HALTON.localityFor("  WA7   1AB ")).contains("runcorn-north");
    }

    @Test
    void aPostcodeWithoutItsSpaceIsFound() {
        assertThat(HALTON.localityFor("WA71AB")).contains("runcorn-north");
    }

    @Test
    void postcodeCaseDoesNotMatter() {
        assertThat(HALTON.localityFor("wa7 1ab")).contains("runcorn-north");
    }

    @Test
    void configuredAreasAreNormalisedToo() {
        LocalityDirectory directory = directory(locality("runcorn-north", "wa7  1"));

        assertThat(directory.localityFor("WA7 1AB")).contains("runcorn-north");
    }

    @Test
    void aPostcodeNoTeamCoversHasNoLocality() {
        assertThat(HALTON.localityFor("CH1 2HS")).isEmpty();
    }

    @Test
    void aMissingPostcodeHasNoLocality() {
        assertThat(HALTON.localityFor(null)).isEmpty();
    }

    @Test
    void somethingTooShortToBeAPostcodeHasNoLocality() {
        assertThat(HALTON.localityFor("WA7")).isEmpty();
    }

    @Test
    void noLocalitiesConfiguredSendsEverythingToTriage() {
        assertThat(directory().localityFor("WA7 1AB")).isEmpty();
    }

    @Test
    void aPostcodeAreaGivenToTwoLocalitiesIsRefusedNamingBoth() {
        assertThatThrownBy(() -> directory(locality("widnes", "WA8"), locality("widnes-west", "wa8")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("widnes")
                .hasMessageContaining("widnes-west");
    }

    @Test
    void aTwoDigitDistrictIsFoundForItsOwnPostcodes() {
        LocalityDirectory directory = directory(locality("haydock", "WA11"));

        assertThat(directory.localityFor("WA11 9AB")).contains("haydock");
    }

    @Test
    void aPostcodeInSectorWa1OneIsNotRoutedToTheTeamCoveringDistrictWa11() {
        LocalityDirectory directory = directory(locality("haydock", "WA11"));

        assertThat(directory.localityFor("WA1 1AB")).isEmpty();
    }

    @Test
    void sectorWa1OneAndDistrictWa11CanBelongToDifferentTeams() {
        assertThatCode(() -> directory(locality("warrington-central", "WA1 1"), locality("haydock", "WA11")))
                .doesNotThrowAnyException();
    }
}
