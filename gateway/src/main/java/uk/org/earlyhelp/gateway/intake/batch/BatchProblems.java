package uk.org.earlyhelp.gateway.intake.batch;

import java.net.URI;
import java.util.List;
import org.apache.camel.CamelExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.org.earlyhelp.routes.intake.NotPermittedBySharingAgreement;

/**
 * The batch channel's answers as problem+json: 400 when the header is not a published format (with the
 * batch id and the header's errors), 403 when the school may not send that flag type, 503 when the
 * batch could not be finished (rows accepted before stand; resending the file is safe).
 */
@RestControllerAdvice(assignableTypes = SchoolBatchController.class)
public class BatchProblems {

    private static final Logger LOG = LoggerFactory.getLogger(BatchProblems.class);

    @ExceptionHandler(CamelExecutionException.class)
    ResponseEntity<ProblemDetail> batchFailed(CamelExecutionException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof BatchRefused refused) {
                ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-batch",
                        "The file is not a batch of a published format", refused.getMessage());
                problem.setProperty("batchId", refused.batchId());
                problem.setProperty("errors", refused.errors());
                return ResponseEntity.badRequest().location(URI.create(SchoolBatchController.PATH + refused.batchId()))
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
            }
            if (cause instanceof NotPermittedBySharingAgreement refused) {
                return answer(HttpStatus.FORBIDDEN, "flag-type-not-permitted",
                        "Not permitted by the information-sharing agreement", refused.getMessage());
            }
        }
        LOG.error("a batch could not be finished: {}", failure.getCause() == null ? failure.getClass().getName()
                : failure.getCause().getClass().getName());
        return answer(HttpStatus.SERVICE_UNAVAILABLE, "batch-not-finished", "The batch was not finished",
                "Rows accepted before the failure stand. Resend the whole file: rows already accepted are "
                        + "recognised as duplicates.");
    }

    static ResponseEntity<ProblemDetail> answer(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, type, title, detail));
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://schemas.earlyhelp.org.uk/problems/" + type));
        problem.setTitle(title);
        problem.setProperty("errors", List.of());
        return problem;
    }
}
