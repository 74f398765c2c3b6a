package uk.org.earlyhelp.routes.pipeline;

/** Records, in the audit, a flag the pipeline gave up on, so it is visible and can be replayed. */
public interface DeadLetters {

    /**
     * @param flagJson the message as it was on {@code flags.received}
     * @param reason   the failure without personal data (exception type and our own message)
     */
    void record(String flagJson, String stage, String reason);
}
