package uk.org.earlyhelp.gateway.audit;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Bad audit queries answered here as {@code 400 application/problem+json}, never by the error page
 * (which the security configuration denies). Parameter names only, never their values: they may be
 * identifiers.
 */
@RestControllerAdvice(assignableTypes = {AuditController.class, AuditReportsController.class})
class AuditProblems {

    @ExceptionHandler(InvalidAuditQuery.class)
    ProblemDetail invalid(InvalidAuditQuery e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mistyped(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "parameter " + e.getName() + " is not valid");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "parameter " + e.getParameterName() + " is required");
    }
}
