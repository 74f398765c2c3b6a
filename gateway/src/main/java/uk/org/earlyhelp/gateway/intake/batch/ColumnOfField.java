package uk.org.earlyhelp.gateway.intake.batch;

import java.util.Map;

/**
 * Names a flag schema error by the CSV column a school can fix: {@code /details/sessionsMissed} is
 * {@code sessions_missed}. Rows hold one subject, so every subject pointer is that pupil's.
 */
final class ColumnOfField {

    private static final Map<String, String> SPECIAL = Map.of(
            "/subjects/0/address", "postcode",
            "/sourceMessageId", "upn");

    private ColumnOfField() {
    }

    static String column(String pointer, BatchFormat format) {
        if (pointer.equals("/occurredOn")) {
            return format == BatchFormat.ATTENDANCE ? "period_end" : "start_date";
        }
        String special = SPECIAL.get(pointer);
        if (special != null) {
            return special;
        }
        if (pointer.startsWith("/subjects/0/") || pointer.startsWith("/details/")) {
            return snakeCase(pointer.substring(pointer.lastIndexOf('/') + 1));
        }
        return "row";
    }

    private static String snakeCase(String camelCase) {
        StringBuilder name = new StringBuilder();
        for (char c : camelCase.toCharArray()) {
            if (Character.isUpperCase(c)) {
                name.append('_').append(Character.toLowerCase(c));
            } else {
                name.append(c);
            }
        }
        return name.toString();
    }
}
