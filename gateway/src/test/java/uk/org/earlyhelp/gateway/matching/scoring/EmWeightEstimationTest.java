package uk.org.earlyhelp.gateway.matching.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EM recovers which levels mark the same person from pairs whose truth it is never told. */
class EmWeightEstimationTest {

    @Test
    void fromUnlabelledPairsTheAgreeingLevelsGainWeightAndTheFileReadsBack() throws Exception {
        // 200 pairs that agree on everything (the same people) among 1,800 that agree only on sex.
        List<Map<Field, Level>> pairs = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            boolean same = i < 200;
            Map<Field, Level> levels = new EnumMap<>(Field.class);
            levels.put(Field.GIVEN_NAME, same ? Level.EXACT : Level.DIFFERENT);
            levels.put(Field.DATE_OF_BIRTH, same ? Level.EXACT : Level.DIFFERENT);
            levels.put(Field.POSTCODE, same || i % 3 == 0 ? Level.EXACT : Level.DIFFERENT);
            levels.put(Field.SEX, Level.EXACT);
            levels.put(Field.NHS_NUMBER, Level.MISSING);
            pairs.add(levels);
        }
        MatchWeights start = MatchWeights.load();

        MatchWeights estimated = EmWeightEstimation.estimate(pairs, start, 30);

        assertThat(estimated.source()).startsWith("EM on 2000 candidate pairs").contains("match share 0.1000");
        assertThat(estimated.thresholds()).isEqualTo(start.thresholds());
        assertThat(estimated.weight(Field.GIVEN_NAME, Level.EXACT)).isGreaterThan(5);
        assertThat(estimated.weight(Field.GIVEN_NAME, Level.DIFFERENT)).isLessThan(-5);
        assertThat(estimated.weight(Field.POSTCODE, Level.EXACT))
                .as("agrees for a third of the different people too: weaker evidence")
                .isLessThan(estimated.weight(Field.GIVEN_NAME, Level.EXACT));
        assertThat(estimated.weight(Field.NHS_NUMBER, Level.EXACT)).as("not in the pairs: kept as it was")
                .isEqualTo(start.weight(Field.NHS_NUMBER, Level.EXACT));

        MatchWeights reread = MatchWeights.read(new ByteArrayInputStream(
                EmWeightEstimation.yaml(estimated).getBytes(StandardCharsets.UTF_8)));
        assertThat(reread.weight(Field.GIVEN_NAME, Level.EXACT))
                .isCloseTo(estimated.weight(Field.GIVEN_NAME, Level.EXACT), org.assertj.core.data.Offset.offset(0.01));
        assertThat(reread.source()).isEqualTo(estimated.source());
    }
}
