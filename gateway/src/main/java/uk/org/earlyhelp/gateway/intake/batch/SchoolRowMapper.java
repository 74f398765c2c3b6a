package uk.org.earlyhelp.gateway.intake.batch;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;
import uk.org.earlyhelp.schemas.FieldError;

/**
 * Turns one CSV row into the canonical flag JSON that {@code POST /api/v1/flags} takes, so the flag
 * schema, not this class, judges the values: a cell is converted only where the CSV spelling differs
 * (a date as dd/mm/yyyy, a sex as F/M/U, a whole number), and a cell that cannot be converted is passed
 * on as written for the schema to name. This class only checks that the row has the header's cells
 * and that every required cell is filled.
 */
final class SchoolRowMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("d/M/uuuu");

    private final BatchFormat format;
    private final List<String> columns;
    private final BinaryOperator<String> rowKey;

    /**
     * @param rowKey keyed pseudonym of (kind, the row's identity): the row's source message id must be
     *               stable across re-exports yet never carry the UPN into receipts, audit or broker
     */
    SchoolRowMapper(BatchFormat format, List<String> columns, BinaryOperator<String> rowKey) {
        this.format = format;
        this.columns = List.copyOf(columns);
        this.rowKey = rowKey;
    }

    /**
     * @param flag    the flag document; null when the row is not a complete row of the format
     * @param errors  what is wrong with the row as a CSV row, by column
     * @param absence for attendance rows whose sessions are whole numbers, which definition they meet
     */
    record MappedRow(ObjectNode flag, List<FieldError> errors, AbsenceThreshold absence) {
    }

    MappedRow map(List<String> values) {
        if (values.size() != columns.size()) {
            return new MappedRow(null, List.of(new FieldError("row", "has " + values.size()
                    + " cells where the header has " + columns.size())), null);
        }
        Map<String, String> cells = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            cells.put(columns.get(i), values.get(i).strip());
        }
        List<FieldError> missing = new ArrayList<>();
        for (String column : format.requiredColumns()) {
            if (cells.get(column).isEmpty()) {
                missing.add(new FieldError(column, "is required"));
            }
        }
        if (!missing.isEmpty()) {
            return new MappedRow(null, missing, null);
        }
        return format == BatchFormat.ATTENDANCE ? attendance(cells) : exclusion(cells);
    }

    private MappedRow attendance(Map<String, String> cells) {
        String start = date(cells.get("period_start"));
        String end = date(cells.get("period_end"));
        String upn = cells.get("upn").toUpperCase(Locale.ROOT);
        // The pupil and the period are the row's identity: the same row in any later file is a duplicate.
        ObjectNode flag = envelope(rowKey.apply(format.flagType(), upn + "|" + start + "|" + end), end);
        ObjectNode details = flag.putObject("details").put("periodStart", start).put("periodEnd", end);
        Long possible = putWholeNumber(details, "sessionsPossible", cells.get("sessions_possible"));
        Long missed = putWholeNumber(details, "sessionsMissed", cells.get("sessions_missed"));
        String unauthorised = cells.getOrDefault("unauthorised_sessions_missed", "");
        if (!unauthorised.isEmpty()) {
            putWholeNumber(details, "unauthorisedSessionsMissed", unauthorised);
        }
        addPupil(flag, cells, upn);
        AbsenceThreshold absence = possible == null || missed == null ? null : AbsenceThreshold.of(possible, missed);
        return new MappedRow(flag, List.of(), absence);
    }

    private MappedRow exclusion(Map<String, String> cells) {
        String start = date(cells.get("start_date"));
        String kind = cells.get("kind").toLowerCase(Locale.ROOT);
        String upn = cells.get("upn").toUpperCase(Locale.ROOT);
        // One exclusion of a pupil is its kind and first day.
        ObjectNode flag = envelope(rowKey.apply(format.flagType(), upn + "|" + kind + "|" + start), start);
        ObjectNode details = flag.putObject("details").put("kind", kind).put("startDate", start);
        String schoolDays = cells.getOrDefault("school_days", "");
        if (!schoolDays.isEmpty()) {
            putWholeNumber(details, "schoolDays", schoolDays);
        }
        details.put("reasonCategory", cells.get("reason_category").toLowerCase(Locale.ROOT));
        addPupil(flag, cells, upn);
        return new MappedRow(flag, List.of(), null);
    }

    private ObjectNode envelope(String rowKey, String occurredOn) {
        ObjectNode flag = NODES.objectNode();
        flag.put("sourceMessageId", "csv:" + rowKey);
        flag.put("flagType", format.flagType());
        flag.put("occurredOn", occurredOn);
        return flag;
    }

    private static void addPupil(ObjectNode flag, Map<String, String> cells, String upn) {
        ObjectNode pupil = flag.putArray("subjects").addObject()
                .put("role", "child")
                .put("upn", upn)
                .put("givenName", cells.get("given_name"))
                .put("familyName", cells.get("family_name"))
                .put("dateOfBirth", date(cells.get("date_of_birth")))
                .put("sex", sex(cells.get("sex")));
        pupil.putObject("address").put("postcode", cells.get("postcode").toUpperCase(Locale.ROOT));
    }

    /** ISO dates pass as written; dd/mm/yyyy (what UK spreadsheets save) becomes ISO; anything else is left. */
    static String date(String cell) {
        if (cell.indexOf('/') < 0) {
            return cell;
        }
        try {
            return LocalDate.parse(cell, UK_DATE).toString();
        } catch (DateTimeParseException e) {
            return cell;
        }
    }

    static String sex(String cell) {
        return switch (cell.toLowerCase(Locale.ROOT)) {
            case "f" -> "female";
            case "m" -> "male";
            case "u" -> "unknown";
            default -> cell.toLowerCase(Locale.ROOT);
        };
    }

    /** A whole number goes in as a number; anything else as text, which the schema then refuses. */
    private static Long putWholeNumber(ObjectNode node, String property, String cell) {
        try {
            long value = Long.parseLong(cell);
            node.put(property, value);
            return value;
        } catch (NumberFormatException e) {
            node.put(property, cell);
            return null;
        }
    }
}
