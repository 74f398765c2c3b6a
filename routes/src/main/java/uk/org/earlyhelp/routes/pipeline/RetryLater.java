package uk.org.earlyhelp.routes.pipeline;

/**
 * Thrown to roll the broker transaction back so the broker redelivers the flag after its redelivery
 * delay. It carries only the sanitised reason, never the original exception, whose message (a database
 * error quoting values, say) would otherwise reach the log.
 */
public class RetryLater extends RuntimeException {

    public RetryLater(String reason) {
        super(reason, null, false, false);
    }
}
