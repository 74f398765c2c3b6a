package uk.org.earlyhelp.gateway.audit;

/** A request to the audit API that cannot be answered as asked (answered 400 by {@link AuditProblems}). */
public class InvalidAuditQuery extends RuntimeException {

    public InvalidAuditQuery(String message) {
        super(message);
    }
}
