package uk.org.earlyhelp.gateway.console;

/** A console page about something that does not exist, or that the person may not know exists: 404. */
public class NotFound extends RuntimeException {

    public NotFound(String message) {
        super(message);
    }
}
