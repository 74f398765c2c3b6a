package uk.org.earlyhelp.routes.pipeline;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Stage 2: each subject of a shared flag is found or created in the master person index. */
@Component
public class MatchStageRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:pipeline-match";

    private final PersonMatcher matcher;

    public MatchStageRoute(PersonMatcher matcher) {
        this.matcher = matcher;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("pipeline-match")
                .bean(matcher, "match");
    }
}
