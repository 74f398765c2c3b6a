package uk.org.earlyhelp.routes.model;

/** A sending agency as established from its certificate, never from a payload. */
public record Agency(String id, AgencyKind kind) {
}
