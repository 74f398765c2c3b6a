package uk.org.earlyhelp.routes.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A flag as it travels on {@code flags.received}: already validated and minimised by the agreement
 * that admitted it, so nothing in here is more than the agreement allows.
 *
 * @param receiptId      the gateway's id for this flag, returned to the sender
 * @param droppedFields  the paths of the fields minimisation removed (names only, never values)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReceivedFlag(
        String receiptId,
        Agency agency,
        String channel,
        Instant receivedAt,
        String sourceMessageId,
        String flagType,
        LocalDate occurredOn,
        List<Subject> subjects,
        Map<String, Object> details,
        String agreementId,
        int agreementVersion,
        List<String> droppedFields) {

    public String detail(String name) {
        Object value = details == null ? null : details.get(name);
        return value == null ? null : value.toString();
    }
}
