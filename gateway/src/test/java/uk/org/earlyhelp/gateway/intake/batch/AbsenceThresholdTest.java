package uk.org.earlyhelp.gateway.intake.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published definitions at their edges: exactly 10% is persistent absence, exactly 50% severe. */
class AbsenceThresholdTest {

    @ParameterizedTest(name = "{1} of {0} sessions missed is {2}")
    @CsvSource({
            "100, 9, BELOW_PERSISTENT",
            "100, 10, PERSISTENT",
            "74, 7, BELOW_PERSISTENT",      // 9.46%
            "74, 8, PERSISTENT",            // 10.8%
            "10, 1, PERSISTENT",            // exactly 10%
            "100, 49, PERSISTENT",
            "100, 50, SEVERE",
            "74, 36, PERSISTENT",           // 48.6%
            "74, 37, SEVERE",               // exactly 50%
            "75, 37, PERSISTENT",           // 49.3%
            "75, 38, SEVERE",
            "100, 100, SEVERE",
            "100, 0, BELOW_PERSISTENT",
            "9223372036854775807, 922337203685477580, BELOW_PERSISTENT",
            "9223372036854775807, 922337203685477581, PERSISTENT",
    })
    void theDefinitionsAreMetAtExactlyTheirPercentages(long possible, long missed, AbsenceThreshold expected) {
        assertThat(AbsenceThreshold.of(possible, missed)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"BELOW_PERSISTENT, false", "PERSISTENT, true", "SEVERE, true"})
    void severeAbsenceIsCountedInsidePersistentAbsenceAndBothAreFlags(AbsenceThreshold threshold, boolean flag) {
        assertThat(threshold.isFlag()).isEqualTo(flag);
    }
}
