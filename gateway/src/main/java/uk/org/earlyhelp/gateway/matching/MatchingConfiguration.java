package uk.org.earlyhelp.gateway.matching;

import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import uk.org.earlyhelp.gateway.matching.scoring.MatchWeights;
import uk.org.earlyhelp.gateway.matching.scoring.Nicknames;
import uk.org.earlyhelp.gateway.matching.scoring.PersonScorer;

/**
 * The one scorer the matcher and the consent lookup share. Its weights are data: the file shipped with
 * the gateway, or a council's own (estimated from its persons by {@code --estimate-match-weights}),
 * named by {@code gateway.matching.weights}. A file that does not read stops the gateway at start.
 */
@Configuration
class MatchingConfiguration {

    @Bean
    PersonScorer personScorer(@Value("${gateway.matching.weights:classpath:matching/weights.yaml}") Resource weights)
            throws IOException {
        try (InputStream in = weights.getInputStream()) {
            return new PersonScorer(MatchWeights.read(in), Nicknames.load());
        }
    }
}
