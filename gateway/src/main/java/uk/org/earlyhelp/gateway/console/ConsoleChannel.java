package uk.org.earlyhelp.gateway.console;

/** The web console as a channel in the audit: what people saw and did there is recorded under this id. */
public final class ConsoleChannel {

    public static final String ID = "console";

    private ConsoleChannel() {
    }
}
