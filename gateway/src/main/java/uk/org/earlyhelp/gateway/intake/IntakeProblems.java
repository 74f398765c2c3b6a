package uk.org.earlyhelp.gateway.intake;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import uk.org.earlyhelp.routes.intake.IntakeRejection;
import uk.org.earlyhelp.routes.intake.NotPermittedBySharingAgreement;
import uk.org.earlyhelp.routes.intake.SchemaViolation;

/**
 * The HTTPS channel's answers to intake failures, as RFC 9457 problem+json: 400 naming every failing
 * field, 403 for a flag type the agency may not send, 503 when the flag could not be made durable (the
 * sender should retry; nothing was acknowledged).
 */
@RestControllerAdvice(assignableTypes = HttpFlagIntakeController.class)
public class IntakeProblems {

    private static final Logger LOG = LoggerFactory.getLogger(IntakeProblems.class);

    @ExceptionHandler(CamelExecutionException.class)
    ResponseEntity<ProblemDetail> intakeFailed(CamelExecutionException failure) {
        Throwable cause = IntakeRejection.in(failure).<Throwable>map(rejection -> rejection)
                .orElse(failure.getCause() == null ? failure : failure.getCause());
        if (cause instanceof SchemaViolation violation) {
            ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-flag", "The flag is not valid",
                    violation.getMessage());
            problem.setProperty("errors", violation.errors().stream()
                    .map(error -> Map.of("field", error.field(), "problem", error.problem())).toList());
            return ResponseEntity.badRequest().body(problem);
        }
        if (cause instanceof NotPermittedBySharingAgreement refused) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem(HttpStatus.FORBIDDEN,
                    "flag-type-not-permitted", "Not permitted by the information-sharing agreement",
                    refused.getMessage()));
        }
        // Only the exception type: a broker or database message could quote the payload.
        LOG.error("intake could not make a flag durable: {}", cause.getClass().getName());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(problem(HttpStatus.SERVICE_UNAVAILABLE,
                "not-accepted", "The flag was not accepted", "The flag could not be stored; nothing was "
                        + "acknowledged. Retry with the same sourceMessageId."));
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://schemas.earlyhelp.org.uk/problems/" + type));
        problem.setTitle(title);
        problem.setProperty("errors", List.of());
        return problem;
    }
}
