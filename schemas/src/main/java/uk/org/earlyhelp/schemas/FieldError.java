package uk.org.earlyhelp.schemas;

/**
 * One reason a document was rejected.
 *
 * @param field   JSON pointer (RFC 6901) into the document, e.g. {@code /subjects/0/nhsNumber};
 *                {@code ""} for the document itself
 * @param problem what is wrong, in plain English; never contains the field's value, because values
 *                may be personal data and rejections are returned to senders and kept in logs
 */
public record FieldError(String field, String problem) {

    /** Reads as {@code /details/kind: is required}, the form senders see. */
    @Override
    public String toString() {
        return field.isEmpty() ? problem : field + ": " + problem;
    }
}
