package uk.org.earlyhelp.gateway.embedded;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Matches when no external database is configured, i.e. {@code spring.datasource.url} is unset. */
class NoExternalDatabase extends SpringBootCondition {

    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("spring.datasource.url");
        return url == null || url.isBlank()
                ? ConditionOutcome.match("no spring.datasource.url: the embedded PostgreSQL server starts")
                : ConditionOutcome.noMatch("spring.datasource.url is set: an external database is used");
    }
}
