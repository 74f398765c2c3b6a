package uk.org.earlyhelp.gateway.intake.hl7;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.model.Segment;
import ca.uhn.hl7v2.model.Structure;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.util.ReadOnlyMessageIterator;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.org.earlyhelp.routes.intake.HealthVisitingMllpRoute;
import uk.org.earlyhelp.routes.intake.Hl7Flag;
import uk.org.earlyhelp.routes.intake.Hl7FlagMapper;
import uk.org.earlyhelp.routes.intake.Hl7Problem;
import uk.org.earlyhelp.routes.intake.IncomingFlag;
import uk.org.earlyhelp.routes.intake.InvalidHl7Message;
import uk.org.earlyhelp.routes.intake.UnsupportedHl7Message;
import uk.org.earlyhelp.routes.model.Agency;
import uk.org.earlyhelp.routes.model.FlagCodec;

/**
 * Reads REF^I12 and ORU^R01 (v2.4, v2.5) as a {@code health-visiting-concern} flag, and acknowledges
 * ADT^A28/A31 without a flag, as the conformance profile
 * ({@code schemas/.../contract/hl7v2/health-visiting-conformance.md}) describes. It only transcribes:
 * the flag schema, the NHS number check and the agreement are applied by the shared intake, and their
 * errors are answered at the HL7 locations recorded here.
 */
@Component
public class HealthVisitingHl7Mapper implements Hl7FlagMapper {

    private static final Logger LOG = LoggerFactory.getLogger(HealthVisitingHl7Mapper.class);

    static final String FLAG_TYPE = "health-visiting-concern";
    static final Set<String> VERSIONS = Set.of("2.4", "2.5");
    static final Set<String> FLAG_MESSAGES = Set.of("REF^I12", "ORU^R01");
    static final Set<String> PERSON_UPDATES = Set.of("ADT^A28", "ADT^A31");
    static final String CONCERN = "EH-CONCERN";
    static final String SEVERITY = "EH-SEVERITY";
    static final String NARRATIVE = "EH-NARRATIVE";

    /** HL7 table 0063 relationship codes accepted in NK1-3: role and relationship to the child. */
    static final Map<String, String[]> RELATIONSHIPS = Map.of(
            "MTH", new String[] {"parent-carer", "mother"},
            "FTH", new String[] {"parent-carer", "father"},
            "GRD", new String[] {"parent-carer", "carer"},
            "CGV", new String[] {"parent-carer", "carer"},
            "GRP", new String[] {"adult", "grandparent"},
            "OTH", new String[] {"adult", "other"});

    private final PipeParser parser = Hl7Parsing.parser();

    @Override
    public Hl7Flag toFlag(Agency agency, String hl7) {
        Message message = parse(hl7);
        String type = Hl7Parsing.field(message, "/MSH-9-1") + "^" + Hl7Parsing.field(message, "/MSH-9-2");
        String controlId = Hl7Parsing.field(message, "/MSH-10");
        if (controlId.isEmpty()) {
            throw new InvalidHl7Message(List.of(new Hl7Problem("MSH^1^10", "the message control id is required")));
        }
        if (PERSON_UPDATES.contains(type)) {
            // No demographics-refresh API yet: acknowledged, not kept (see the conformance profile).
            LOG.info("MLLP {} control id {} from agency={} acknowledged; person updates raise no flag", type,
                    controlId, agency.id());
            return new Hl7Flag(null, type, Map.of());
        }
        if (!FLAG_MESSAGES.contains(type)) {
            throw new UnsupportedHl7Message(new Hl7Problem("MSH^1^9",
                    "message type " + type + " is not accepted: send REF^I12, ORU^R01, ADT^A28 or ADT^A31"));
        }
        return new Reading(message, type, controlId, agency).flag();
    }

    private Message parse(String hl7) {
        String version;
        try {
            version = parser.getVersion(hl7);
        } catch (HL7Exception | RuntimeException noHeader) {
            throw new UnsupportedHl7Message(new Hl7Problem("MSH", "the message has no readable MSH segment"));
        }
        if (!VERSIONS.contains(version)) {
            throw new UnsupportedHl7Message(new Hl7Problem("MSH^1^12",
                    "HL7 version " + version + " is not accepted: send 2.4 or 2.5"));
        }
        try {
            return parser.parse(hl7);
        } catch (HL7Exception e) {
            String segment = e.getLocation() == null || e.getLocation().getSegmentName() == null
                    ? "MSH" : e.getLocation().getSegmentName();
            throw new InvalidHl7Message(List.of(new Hl7Problem(segment, "the message cannot be parsed as HL7 v"
                    + version + " " + e.getError().getMessage().toLowerCase())));
        }
    }

    /** One message being read: the flag document and where each part of it came from. */
    private static final class Reading {

        private final Message message;
        private final String type;
        private final String controlId;
        private final Agency agency;
        private final ObjectNode document = FlagCodec.mapper().createObjectNode();
        private final Map<String, String> locations = new LinkedHashMap<>();

        Reading(Message message, String type, String controlId, Agency agency) {
            this.message = message;
            this.type = type;
            this.controlId = controlId;
            this.agency = agency;
        }

        Hl7Flag flag() {
            locations.put("", "MSH");
            locations.put("/sourceMessageId", "MSH^1^10");
            document.put("sourceMessageId", controlId).put("flagType", FLAG_TYPE);
            ArrayNode subjects = document.putArray("subjects");
            List<Segment> patients = segments("PID");
            if (patients.isEmpty()) {
                throw new InvalidHl7Message(List.of(new Hl7Problem("PID", "a PID segment (the child) is required")));
            }
            subjects.add(child(patients.get(0)));
            List<Segment> relatives = segments("NK1");
            List<Hl7Problem> problems = new ArrayList<>();
            for (int i = 0; i < relatives.size(); i++) {
                subjects.add(relative(relatives.get(i), i + 1, problems));
            }
            if (!problems.isEmpty()) {
                throw new InvalidHl7Message(problems);
            }
            details();
            String json = document.toString();
            return new Hl7Flag(new IncomingFlag(agency, HealthVisitingMllpRoute.CHANNEL, json), type, locations);
        }

        private ObjectNode child(Segment pid) {
            String at = "/subjects/0";
            locations.put(at, "PID^1");
            ObjectNode subject = FlagCodec.mapper().createObjectNode().put("role", "child");
            person(subject, at, "PID^1^", pid, 3, 5, 7, 8, 11);
            return subject;
        }

        private ObjectNode relative(Segment nk1, int repetition, List<Hl7Problem> problems) {
            String at = "/subjects/" + repetition;
            String segment = "NK1^" + repetition + "^";
            locations.put(at, "NK1^" + repetition);
            locations.put(at + "/role", segment + 3);
            locations.put(at + "/relationshipToChild", segment + 3);
            String code = Hl7Parsing.field(nk1, 3, 0, 1);
            String[] relationship = RELATIONSHIPS.get(code);
            ObjectNode subject = FlagCodec.mapper().createObjectNode();
            if (relationship == null) {
                problems.add(new Hl7Problem(segment + 3, "relationship code (HL7 table 0063) is missing or not one "
                        + "of " + String.join(", ", RELATIONSHIPS.keySet().stream().sorted().toList())));
                return subject;
            }
            subject.put("role", relationship[0]).put("relationshipToChild", relationship[1]);
            // NK1-33 identifiers, NK1-2 name, NK1-16 date of birth, NK1-15 sex, NK1-4 address.
            person(subject, at, segment, nk1, 33, 2, 16, 15, 4);
            return subject;
        }

        private void person(ObjectNode subject, String at, String segment, Segment source, int identifiers,
                int name, int birth, int sex, int address) {
            String nhsNumber = nhsNumber(source, identifiers);
            put(subject, "nhsNumber", nhsNumber);
            put(subject, "givenName", Hl7Parsing.field(source, name, 0, 2));
            put(subject, "familyName", Hl7Parsing.field(source, name, 0, 1));
            put(subject, "dateOfBirth", Hl7Parsing.isoDate(Hl7Parsing.field(source, birth, 0, 1)));
            put(subject, "sex", Hl7Parsing.sex(Hl7Parsing.field(source, sex, 0, 1)));
            ObjectNode home = FlagCodec.mapper().createObjectNode();
            put(home, "line1", Hl7Parsing.field(source, address, 0, 1));
            put(home, "line2", Hl7Parsing.field(source, address, 0, 2));
            put(home, "town", Hl7Parsing.field(source, address, 0, 3));
            put(home, "postcode", Hl7Parsing.field(source, address, 0, 5));
            if (!home.isEmpty()) {
                subject.set("address", home);
            }
            locations.put(at + "/nhsNumber", segment + identifiers);
            locations.put(at + "/givenName", segment + name);
            locations.put(at + "/familyName", segment + name);
            locations.put(at + "/dateOfBirth", segment + birth);
            locations.put(at + "/sex", segment + sex);
            locations.put(at + "/address", segment + address);
        }

        /** The repetition whose type is NH or whose assigning authority is NHS. */
        private static String nhsNumber(Segment source, int field) {
            for (int rep = 0; rep < Hl7Parsing.repetitions(source, field); rep++) {
                String authority = Hl7Parsing.field(source, field, rep, 4);
                String identifierType = Hl7Parsing.field(source, field, rep, 5);
                if ("NH".equals(identifierType) || "NHS".equalsIgnoreCase(authority)) {
                    return Hl7Parsing.field(source, field, rep, 1);
                }
            }
            return "";
        }

        private void details() {
            ObjectNode details = document.putObject("details");
            locations.put("/details", "OBX");
            String occurredOn = "";
            String occurredAt = "MSH^1^7";
            List<Segment> observations = segments("OBX");
            for (int i = 0; i < observations.size(); i++) {
                Segment obx = observations.get(i);
                String at = "OBX^" + (i + 1) + "^";
                switch (Hl7Parsing.field(obx, 3, 0, 1)) {
                    case CONCERN -> {
                        put(details, "concernCategory", Hl7Parsing.field(obx, 5, 0, 1));
                        locations.put("/details/concernCategory", at + 5);
                        occurredOn = Hl7Parsing.isoDate(Hl7Parsing.field(obx, 14, 0, 1));
                        occurredAt = occurredOn.isEmpty() ? occurredAt : at + 14;
                    }
                    case SEVERITY -> {
                        put(details, "severity", Hl7Parsing.field(obx, 5, 0, 1));
                        locations.put("/details/severity", at + 5);
                    }
                    case NARRATIVE -> {
                        put(details, "narrative", Hl7Parsing.field(obx, 5, 0, 1));
                        locations.put("/details/narrative", at + 5);
                    }
                    default -> {
                        // Other observations are clinical detail the flag does not carry: not read, not kept.
                    }
                }
            }
            if (occurredOn.isEmpty()) {
                occurredOn = Hl7Parsing.isoDate(Hl7Parsing.field(message, "/MSH-7-1"));
            }
            put(document, "occurredOn", occurredOn);
            locations.put("/occurredOn", occurredAt);
        }

        private List<Segment> segments(String name) {
            List<Segment> found = new ArrayList<>();
            Iterator<Structure> structures = ReadOnlyMessageIterator.createPopulatedStructureIterator(message, name);
            structures.forEachRemaining(structure -> found.add((Segment) structure));
            return found;
        }

        private static void put(ObjectNode node, String name, String value) {
            if (value != null && !value.isEmpty()) {
                node.put(name, value);
            }
        }
    }
}
