package uk.org.earlyhelp.gateway.intake.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.Location;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.Terser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.intake.Hl7Acknowledgements;
import uk.org.earlyhelp.routes.intake.Hl7Flag;
import uk.org.earlyhelp.routes.intake.Hl7Problem;
import uk.org.earlyhelp.routes.intake.IntakeReceipt;
import uk.org.earlyhelp.routes.intake.IntakeRejection;
import uk.org.earlyhelp.routes.intake.InvalidHl7Message;
import uk.org.earlyhelp.routes.intake.NotPermittedBySharingAgreement;
import uk.org.earlyhelp.routes.intake.SchemaViolation;
import uk.org.earlyhelp.routes.intake.UnknownAgency;
import uk.org.earlyhelp.routes.intake.UnsupportedHl7Message;
import uk.org.earlyhelp.schemas.FieldError;

/**
 * Original-mode acknowledgements built by HAPI from the inbound message ({@code generateACK}), so MSH is
 * mirrored and MSA-2 echoes MSH-10 in the sender's own version. Each problem becomes an ERR segment
 * (ERR-1 in 2.4, ERR-2/3/8 in 2.5) at its HL7 location; MSA-3 carries the first problem's text.
 */
@Component
public class HapiAcknowledgements implements Hl7Acknowledgements {

    /** MSA-3 is a short text field. */
    private static final int MSA_TEXT_LENGTH = 80;

    private final PipeParser parser = Hl7Parsing.parser();

    @Override
    public String accepted(String hl7, IntakeReceipt receipt) {
        String text = receipt == null ? "person update acknowledged; no flag raised"
                : "receipt " + receipt.receiptId() + (receipt.duplicate() ? " (duplicate)" : "");
        return acknowledge(hl7, AcknowledgmentCode.AA, List.of(), text);
    }

    @Override
    public String refused(String hl7, Throwable failure, Hl7Flag mapped) {
        IntakeRejection rejection = IntakeRejection.in(failure).orElse(null);
        if (rejection instanceof InvalidHl7Message invalid) {
            return acknowledge(hl7, AcknowledgmentCode.AE, errors(invalid.problems()), null);
        }
        if (rejection instanceof SchemaViolation violation) {
            Map<String, String> locations = mapped == null ? Map.of() : mapped.fieldLocations();
            List<Hl7Problem> problems = violation.errors().stream()
                    .map(error -> new Hl7Problem(locationOf(error.field(), locations), describe(error)))
                    .toList();
            return acknowledge(hl7, AcknowledgmentCode.AE, errors(problems), null);
        }
        if (rejection instanceof UnsupportedHl7Message unsupported) {
            ErrorCode code = unsupported.problem().location().startsWith("MSH^1^12")
                    ? ErrorCode.UNSUPPORTED_VERSION_ID : ErrorCode.UNSUPPORTED_MESSAGE_TYPE;
            return acknowledge(hl7, AcknowledgmentCode.AR, List.of(error(unsupported.problem(), code)), null);
        }
        if (rejection instanceof UnknownAgency || rejection instanceof NotPermittedBySharingAgreement) {
            return acknowledge(hl7, AcknowledgmentCode.AR, List.of(error(new Hl7Problem("MSH",
                    rejection.getMessage()), ErrorCode.APPLICATION_INTERNAL_ERROR)), null);
        }
        throw new IllegalArgumentException("not an intake rejection: " + failure.getClass().getName());
    }

    /** The HL7 location recorded for the longest pointer prefix of the failing field. */
    static String locationOf(String pointer, Map<String, String> locations) {
        return locations.entrySet().stream()
                .filter(entry -> pointer.equals(entry.getKey()) || pointer.startsWith(entry.getKey() + "/")
                        || entry.getKey().isEmpty())
                .max(Comparator.comparingInt(entry -> entry.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse("MSH");
    }

    private static String describe(FieldError error) {
        return error.toString(); // "/subjects/0/nhsNumber: ...", the form HTTPS senders see
    }

    private static List<HL7Exception> errors(List<Hl7Problem> problems) {
        return problems.stream().map(problem -> error(problem, problem.problem().contains("required")
                ? ErrorCode.REQUIRED_FIELD_MISSING : ErrorCode.DATA_TYPE_ERROR)).toList();
    }

    private static HL7Exception error(Hl7Problem problem, ErrorCode code) {
        HL7Exception error = new HL7Exception(problem.problem(), code);
        String[] parts = problem.location().split("\\^");
        Location location = new Location().withSegmentName(parts[0]);
        if (parts.length > 1) {
            location.withSegmentRepetition(Integer.parseInt(parts[1]));
        }
        if (parts.length > 2) {
            location.withField(Integer.parseInt(parts[2]));
        }
        error.setLocation(location);
        return error;
    }

    private String acknowledge(String hl7, AcknowledgmentCode code, List<HL7Exception> errors, String text) {
        try {
            Message inbound = inboundHeader(hl7);
            Message ack = inbound.generateACK(code, errors.isEmpty() ? null : errors.get(0));
            for (int i = 1; i < errors.size(); i++) {
                errors.get(i).populateResponse(ack, code, i);
            }
            Terser terser = new Terser(ack);
            for (int i = 0; i < errors.size(); i++) {
                Location location = errors.get(i).getLocation();
                if ("2.4".equals(ack.getVersion()) && location.getSegmentRepetition() > 0) {
                    // HAPI leaves ELD-2 (segment sequence) empty in 2.4.
                    terser.set("/ERR(" + i + ")-1(0)-2", Integer.toString(location.getSegmentRepetition()));
                }
            }
            String msa3 = text != null ? text : errors.isEmpty() ? null : errors.get(0).getMessageWithoutLocation();
            if (msa3 != null) {
                terser.set("/MSA-3", msa3.length() > MSA_TEXT_LENGTH ? msa3.substring(0, MSA_TEXT_LENGTH) : msa3);
            }
            return parser.encode(ack);
        } catch (Exception e) {
            throw new IllegalStateException("an HL7 acknowledgement could not be built (" + e.getClass().getSimpleName()
                    + ")");
        }
    }

    /**
     * The message to acknowledge: the whole message if HAPI can parse it, else its MSH alone, else its MSH
     * restated as v2.5 (an unsupported version is answered in 2.5, the newest the profile accepts).
     */
    private Message inboundHeader(String hl7) throws HL7Exception {
        List<String> candidates = new ArrayList<>();
        candidates.add(hl7);
        String msh = hl7.split("[\r\n]+", 2)[0];
        candidates.add(msh);
        String[] fields = msh.split("\\|", -1);
        if (fields.length > 11) {
            fields[11] = "2.5";
            candidates.add(String.join("|", fields));
        }
        HL7Exception last = null;
        for (String candidate : candidates) {
            try {
                Message message = parser.parse(candidate);
                message.generateACK(); // proves HAPI can answer this version and type
                return message;
            } catch (HL7Exception e) {
                last = e;
            } catch (java.io.IOException | RuntimeException e) {
                last = new HL7Exception(e.getClass().getSimpleName());
            }
        }
        throw last;
    }
}
