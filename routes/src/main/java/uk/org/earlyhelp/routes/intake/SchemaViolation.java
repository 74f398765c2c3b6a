package uk.org.earlyhelp.routes.intake;

import java.util.List;
import uk.org.earlyhelp.schemas.FieldError;

/** The document breaks its published schema; every failing field is named, no value is quoted. */
public class SchemaViolation extends IntakeRejection {

    private final List<FieldError> errors;

    public SchemaViolation(List<FieldError> errors) {
        super(errors.size() + " field(s) failed validation");
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    @Override
    public String reason() {
        return "invalid-flag";
    }

    @Override
    public List<FieldError> fieldErrors() {
        return errors;
    }
}
