package uk.org.earlyhelp.routes.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The one JSON form of a {@link ReceivedFlag} on the broker, so producer and consumer never drift. */
public final class FlagCodec {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private FlagCodec() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String toJson(ReceivedFlag flag) {
        try {
            return MAPPER.writeValueAsString(flag);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a received flag could not be written as JSON", e);
        }
    }

    public static ReceivedFlag fromJson(String json) {
        try {
            return MAPPER.readValue(json, ReceivedFlag.class);
        } catch (JsonProcessingException e) {
            // The message names the position only: Jackson's own text can quote the payload.
            throw new IllegalArgumentException("a message on flags.received is not a received flag (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }
}
