package uk.org.earlyhelp.gateway.intake.batch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import uk.org.earlyhelp.schemas.FieldError;

/**
 * The two published CSV formats (schemas/.../contract/batches/). A file's header says which it is;
 * columns may come in any order. A column neither format defines is refused rather than ignored, so a
 * school never believes it has sent something the gateway quietly dropped.
 */
enum BatchFormat {

    ATTENDANCE("attendance", "school-attendance",
            List.of("upn", "given_name", "family_name", "date_of_birth", "sex", "postcode",
                    "period_start", "period_end", "sessions_possible", "sessions_missed"),
            List.of("unauthorised_sessions_missed")),
    EXCLUSIONS("exclusions", "school-exclusion",
            List.of("upn", "given_name", "family_name", "date_of_birth", "sex", "postcode",
                    "kind", "start_date", "reason_category"),
            // Required for a suspension only; the flag schema says so per row.
            List.of("school_days"));

    private final String id;
    private final String flagType;
    private final List<String> required;
    private final List<String> optional;

    BatchFormat(String id, String flagType, List<String> required, List<String> optional) {
        this.id = id;
        this.flagType = flagType;
        this.required = required;
        this.optional = optional;
    }

    String id() {
        return id;
    }

    String flagType() {
        return flagType;
    }

    List<String> requiredColumns() {
        return required;
    }

    /** Header names are compared in lower case, with spaces and hyphens read as underscores. */
    static String columnName(String header) {
        return header.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }

    /** The format whose distinguishing column the header has. */
    static BatchFormat of(List<String> columns) {
        if (columns.contains("sessions_possible") || columns.contains("sessions_missed")) {
            return ATTENDANCE;
        }
        if (columns.contains("kind") || columns.contains("reason_category")) {
            return EXCLUSIONS;
        }
        return null;
    }

    /** Every problem with a header for this format: missing, unknown and repeated columns. */
    List<FieldError> headerProblems(List<String> columns) {
        List<FieldError> problems = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String column : columns) {
            if (!required.contains(column) && !optional.contains(column)) {
                problems.add(new FieldError(column.isEmpty() ? "header" : column,
                        "is not a column of the " + id + " format"));
            } else if (!seen.add(column)) {
                problems.add(new FieldError(column, "appears more than once in the header"));
            }
        }
        for (String column : required) {
            if (!columns.contains(column)) {
                problems.add(new FieldError(column, "is a required column of the " + id + " format"));
            }
        }
        return problems;
    }
}
