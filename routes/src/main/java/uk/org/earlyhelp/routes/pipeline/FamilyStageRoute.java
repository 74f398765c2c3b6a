package uk.org.earlyhelp.routes.pipeline;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Stage 3: the matched persons join one family and the minimised flag joins its history. */
@Component
public class FamilyStageRoute extends RouteBuilder {

    static final String ENDPOINT = "direct:pipeline-family";

    private final FamilyHistory history;

    public FamilyStageRoute(FamilyHistory history) {
        this.history = history;
    }

    @Override
    public void configure() {
        from(ENDPOINT).routeId("pipeline-family")
                .bean(history, "record");
    }
}
