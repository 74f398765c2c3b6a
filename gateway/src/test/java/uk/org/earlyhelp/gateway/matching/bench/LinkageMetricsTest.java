package uk.org.earlyhelp.gateway.matching.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkageMetricsTest {

    @Test
    void pairsAreCountedWithinPredictedAndTrueClusters() {
        // truth {0,1,2} {3,4}: 3 + 1 true pairs; predicted {0,1} {2,3,4}: 1 + 3 linked pairs; right: 0-1 and 3-4
        LinkageMetrics m = LinkageMetrics.of(List.of(1, 1, 2, 2, 2), List.of("A", "A", "A", "B", "B"));

        assertThat(m.truePairs()).isEqualTo(4);
        assertThat(m.predictedPairs()).isEqualTo(4);
        assertThat(m.truePositives()).isEqualTo(2);
        assertThat(m.precision()).isEqualTo(0.5);
        assertThat(m.recall()).isEqualTo(0.5);
        assertThat(m.f1()).isEqualTo(0.5);
    }

    @Test
    void splittingOnePersonInTwoCostsRecallNotPrecision() {
        // one person in four records, predicted as two people: 2 of its 6 pairs found, none wrong
        LinkageMetrics m = LinkageMetrics.of(List.of(1, 1, 2, 2), List.of("A", "A", "A", "A"));

        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(m.f1()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void mergingTwoPeopleCostsPrecisionNotRecall() {
        LinkageMetrics m = LinkageMetrics.of(List.of(7, 7, 7), List.of("A", "A", "B"));

        assertThat(m.precision()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.f1()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void linkingNothingHasFullPrecisionAndNoRecall() {
        LinkageMetrics m = LinkageMetrics.of(List.of(1, 2, 3), List.of("A", "A", "B"));

        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isZero();
        assertThat(m.f1()).isZero();
    }

    @Test
    void aPerfectClusteringScoresOne() {
        LinkageMetrics m = LinkageMetrics.of(List.of(9, 9, 4, 5, 5), List.of("A", "A", "B", "C", "C"));

        assertThat(m.precision()).isEqualTo(1.0);
        assertThat(m.recall()).isEqualTo(1.0);
        assertThat(m.f1()).isEqualTo(1.0);
    }

    @Test
    void predictionsAndTruthMustBeForTheSameRecords() {
        assertThatThrownBy(() -> LinkageMetrics.of(List.of(1, 2), List.of("A")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
