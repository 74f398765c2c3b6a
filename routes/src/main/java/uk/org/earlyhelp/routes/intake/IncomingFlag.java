package uk.org.earlyhelp.routes.intake;

import uk.org.earlyhelp.routes.model.Agency;

/**
 * A flag as a channel received it, before anything was checked.
 *
 * @param agency  who the sender's certificate says it is
 * @param channel the channel it came through, e.g. {@code https-json}
 * @param body    the JSON document exactly as sent
 */
public record IncomingFlag(Agency agency, String channel, String body) {
}
