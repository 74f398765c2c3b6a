package uk.org.earlyhelp.routes.pipeline;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.camel.Exchange;

/**
 * Tells a failure of the surroundings (the database unreachable) from a failure of the flag. The first
 * is retried for as long as it lasts; only the second counts towards dead-lettering.
 */
public final class TransientFailure {

    /** PostgreSQL's SQL state class 08: connection exceptions. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    private TransientFailure() {
    }

    public static boolean isTransient(Exchange exchange) {
        return isTransientCause(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class));
    }

    static boolean isTransientCause(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof ConnectException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)) {
                return true;
            }
            // Spring's CannotGetJdbcConnectionException and friends, by name: routes do not depend on spring-jdbc.
            if (cause.getClass().getName().endsWith("CannotGetJdbcConnectionException")
                    || cause.getClass().getName().endsWith("CannotCreateTransactionException")) {
                return true;
            }
        }
        return false;
    }
}
