package uk.org.earlyhelp.gateway.matching.scoring;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Fellegi–Sunter parameters as data: per field and level, m (the probability of that level when the two
 * records are the same person) and u (when they are not), and the two thresholds on the total of
 * log2(m/u). Kept in a resource ({@code matching/weights.yaml}) so that re-estimated weights are a reviewed
 * data change, not code scattered with constants.
 */
public record MatchWeights(String source, Thresholds thresholds, Map<Field, Map<Level, Probabilities>> fields) {

    public static final String RESOURCE = "/matching/weights.yaml";

    /** m and u of one level; both strictly between 0 and 1. */
    public record Probabilities(double m, double u) {
        public Probabilities {
            if (!(m > 0 && m < 1 && u > 0 && u < 1)) {
                throw new IllegalArgumentException("m and u must be in (0, 1): m=" + m + " u=" + u);
            }
        }

        /** The agreement weight in bits. */
        public double weight() {
            return Math.log(m / u) / Math.log(2);
        }
    }

    /** At or above {@code match}: the same person; at or above {@code review}: a person must decide. */
    public record Thresholds(double match, double review) {
        public Thresholds {
            if (review > match) {
                throw new IllegalArgumentException("review threshold above match threshold");
            }
        }
    }

    public MatchWeights {
        Map<Field, Map<Level, Probabilities>> copy = new EnumMap<>(Field.class);
        fields.forEach((field, levels) -> copy.put(field, Map.copyOf(levels)));
        fields = Map.copyOf(copy);
    }

    /** The weight of a level; 0 for {@link Level#MISSING} or a level the file leaves out. */
    public double weight(Field field, Level level) {
        if (level == Level.MISSING) {
            return 0;
        }
        Probabilities p = fields.getOrDefault(field, Map.of()).get(level);
        return p == null ? 0 : p.weight();
    }

    public MatchWeights withThresholds(Thresholds thresholds) {
        return new MatchWeights(source, thresholds, fields);
    }

    public static MatchWeights load() {
        try (InputStream in = MatchWeights.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static MatchWeights read(InputStream yaml) throws IOException {
        return new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(yaml, MatchWeights.class);
    }
}
