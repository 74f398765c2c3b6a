package uk.org.earlyhelp.routes.pipeline;

import java.sql.SQLException;
import org.apache.camel.Exchange;

/**
 * Describes why a flag was dead-lettered without repeating personal data: database messages quote the
 * offending values, so for those only the SQL state is kept.
 */
public final class DeadLetterReason {

    public static final String HEADER_REASON = "deadLetterReason";

    private DeadLetterReason() {
    }

    public static String of(Exchange exchange) {
        Throwable failure = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        return describe(failure);
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return "database error (SQL state " + sql.getSQLState() + ")";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
