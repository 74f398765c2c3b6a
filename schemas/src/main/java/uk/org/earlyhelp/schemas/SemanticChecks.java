package uk.org.earlyhelp.schemas;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.regex.Pattern;

/**
 * The rules JSON Schema cannot express: check digits, comparisons between fields, and dates against
 * today. Each check looks only at values that are already well formed; a malformed value has its
 * schema error and gets no second, confusing one here.
 */
final class SemanticChecks {

    private static final Pattern TEN_DIGITS = Pattern.compile("[0-9]{10}");
    private static final Pattern UPN_SHAPE = Pattern.compile("[A-Z][0-9]{11}[0-9A-Z]");

    private SemanticChecks() {
    }

    static void check(JsonNode flag, LocalDate today, Collection<FieldError> errors) {
        JsonNode subjects = flag.path("subjects");
        for (int i = 0; i < subjects.size(); i++) {
            checkSubject(subjects.get(i), "/subjects/" + i, today, errors);
        }
        if ("school-attendance".equals(flag.path("flagType").asText())) {
            checkAttendance(flag.path("details"), errors);
        }
    }

    private static void checkSubject(JsonNode subject, String at, LocalDate today, Collection<FieldError> errors) {
        String nhsNumber = text(subject, "nhsNumber");
        if (nhsNumber != null && TEN_DIGITS.matcher(nhsNumber).matches() && !NhsNumber.isValid(nhsNumber)) {
            errors.add(new FieldError(at + "/nhsNumber", NhsNumber.checkDigit(nhsNumber) < 0
                    ? "is not a valid NHS number: the modulus 11 check gives 10, so no such number is issued"
                    : "NHS number check digit does not match (modulus 11)"));
        }
        String upn = text(subject, "upn");
        if (upn != null && UPN_SHAPE.matcher(upn).matches() && !UniquePupilNumber.isValid(upn)) {
            errors.add(new FieldError(at + "/upn", "UPN check letter does not match (modulus 23 over characters 2 to 13;"
                    + " a temporary UPN's last letter cannot be I, O or S)"));
        }
        LocalDate dateOfBirth = date(subject, "dateOfBirth");
        if (dateOfBirth != null && dateOfBirth.isAfter(today)) {
            errors.add(new FieldError(at + "/dateOfBirth", "must not be in the future"));
        }
    }

    private static void checkAttendance(JsonNode details, Collection<FieldError> errors) {
        Long possible = wholeNumber(details, "sessionsPossible");
        Long missed = wholeNumber(details, "sessionsMissed");
        Long unauthorised = wholeNumber(details, "unauthorisedSessionsMissed");
        if (possible != null && missed != null && missed > possible) {
            errors.add(new FieldError("/details/sessionsMissed", "cannot be more than sessionsPossible"));
        }
        // Unauthorised absences are a subset of all absences.
        if (missed != null && unauthorised != null && unauthorised > missed) {
            errors.add(new FieldError("/details/unauthorisedSessionsMissed", "cannot be more than sessionsMissed"));
        }
        LocalDate start = date(details, "periodStart");
        LocalDate end = date(details, "periodEnd");
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(new FieldError("/details/periodEnd", "must not be before periodStart"));
        }
    }

    private static String text(JsonNode node, String property) {
        JsonNode value = node.get(property);
        return value != null && value.isTextual() ? value.textValue() : null;
    }

    private static LocalDate date(JsonNode node, String property) {
        String text = text(node, property);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            return null; // the schema's date format has already reported it
        }
    }

    private static Long wholeNumber(JsonNode node, String property) {
        JsonNode value = node.get(property);
        if (value == null || !value.isNumber()) {
            return null;
        }
        if (value.isIntegralNumber()) {
            return value.canConvertToLong() ? value.longValue() : null;
        }
        double d = value.doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? (long) d : null;
    }
}
