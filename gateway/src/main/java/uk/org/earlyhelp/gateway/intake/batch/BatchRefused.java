package uk.org.earlyhelp.gateway.intake.batch;

import java.util.List;
import uk.org.earlyhelp.routes.intake.IntakeRejection;

/** The file is not a batch of either published format (its header); no row was read. */
public class BatchRefused extends IntakeRejection {

    private final String batchId;
    private final List<RowError> errors;

    BatchRefused(String batchId, List<RowError> errors) {
        super("the batch's header is not one of the published formats");
        this.batchId = batchId;
        this.errors = List.copyOf(errors);
    }

    public String batchId() {
        return batchId;
    }

    public List<RowError> errors() {
        return errors;
    }

    @Override
    public String reason() {
        return "batch-format-unknown";
    }
}
