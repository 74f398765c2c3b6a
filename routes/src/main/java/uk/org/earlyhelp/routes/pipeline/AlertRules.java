package uk.org.earlyhelp.routes.pipeline;

/** Evaluates the alert rules over a family's recent flags; raises or updates its one open alert. */
public interface AlertRules {

    /** @return the alert version to publish, or {@code null} when no rule fires */
    AlertPublication evaluate(FamilyFlag recorded);
}
