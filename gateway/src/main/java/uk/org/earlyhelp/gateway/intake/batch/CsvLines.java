package uk.org.earlyhelp.gateway.intake.batch;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CSV file one line at a time (RFC 4180 quoting, CR LF or LF), never more than one line in
 * memory. A record is one line: the formats' fields never hold line breaks, and keeping to that lets a
 * broken quote cost one row instead of the rest of the file.
 */
final class CsvLines {

    /** Far longer than any row of the formats; a longer line is reported, not buffered. */
    static final int MAX_LINE_LENGTH = 4096;

    private final Reader in;
    private int lineNumber;
    private boolean atStart = true;
    private boolean finished;

    CsvLines(Reader in) {
        this.in = in;
    }

    /** One line: its number (the first line is 1) and either its fields or why they cannot be read. */
    record Line(int number, List<String> fields, String problem) {
    }

    /** The next line that is not blank, or null at the end of the file. */
    Line next() {
        while (!finished) {
            StringBuilder text = new StringBuilder();
            boolean tooLong = readLine(text);
            lineNumber++;
            if (tooLong) {
                return new Line(lineNumber, List.of(), "row is longer than " + MAX_LINE_LENGTH + " characters");
            }
            if (text.toString().isBlank()) {
                continue;
            }
            return parse(lineNumber, text);
        }
        return null;
    }

    /** @return true when the line was longer than the limit (the rest of it is skipped) */
    private boolean readLine(StringBuilder text) {
        try {
            boolean tooLong = false;
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (atStart && c == '\uFEFF') {
                    continue; // the byte order mark spreadsheet programs write
                }
                atStart = false;
                if (text.length() < MAX_LINE_LENGTH) {
                    text.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (c == -1) {
                finished = true;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) == '\r') {
                text.setLength(text.length() - 1);
            }
            return tooLong;
        } catch (IOException e) {
            throw new UncheckedIOException("the batch could not be read", e);
        }
    }

    static Line parse(int number, CharSequence text) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldWasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !fieldWasQuoted) {
                quoted = true;
                fieldWasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldWasQuoted = false;
            } else if (c == '"') {
                return new Line(number, List.of(), "a quote appears inside an unquoted field");
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            return new Line(number, List.of(), "a quoted field is not closed on its line");
        }
        fields.add(field.toString());
        return new Line(number, List.copyOf(fields), null);
    }
}
