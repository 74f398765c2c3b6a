package uk.org.earlyhelp.gateway.intake.hl7;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import ca.uhn.hl7v2.util.idgenerator.UUIDGenerator;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;

/** HAPI, set up once: a lenient pipe parser (the profile's own checks decide) and field access that never throws. */
final class Hl7Parsing {

    private static final HapiContext HAPI = new DefaultHapiContext(ValidationContextFactory.noValidation());

    static {
        // ACK control ids (MSH-10) as UUIDs; HAPI's default writes a counter file into the working directory.
        HAPI.getParserConfiguration().setIdGenerator(new UUIDGenerator());
    }

    private Hl7Parsing() {
    }

    static PipeParser parser() {
        return HAPI.getPipeParser();
    }

    /** Field, repetition (0-based), component (1-based), first subcomponent; "" when absent. */
    static String field(Segment segment, int field, int repetition, int component) {
        try {
            String value = Terser.get(segment, field, repetition, component, 1);
            return value == null ? "" : value.strip();
        } catch (HL7Exception | RuntimeException absent) {
            return "";
        }
    }

    static String field(Message message, String terserPath) {
        try {
            String value = new Terser(message).get(terserPath);
            return value == null ? "" : value.strip();
        } catch (HL7Exception | RuntimeException absent) {
            return "";
        }
    }

    static int repetitions(Segment segment, int field) {
        try {
            return segment.getField(field).length;
        } catch (HL7Exception | RuntimeException absent) {
            return 0;
        }
    }

    /**
     * The date part of an HL7 TS/DTM ({@code YYYYMMDD[HHMM...]}) as ISO {@code YYYY-MM-DD}; anything else is
     * passed on unchanged, so the flag schema names the field as invalid (never its value).
     */
    static String isoDate(String timestamp) {
        if (timestamp.length() >= 8 && timestamp.substring(0, 8).chars().allMatch(Character::isDigit)) {
            return timestamp.substring(0, 4) + "-" + timestamp.substring(4, 6) + "-" + timestamp.substring(6, 8);
        }
        return timestamp;
    }

    /** HL7 table 0001: F, M, U; other codes are passed on and fail the flag schema. */
    static String sex(String code) {
        return switch (code) {
            case "F" -> "female";
            case "M" -> "male";
            case "U" -> "unknown";
            default -> code;
        };
    }
}
