package org.beaconpm.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.beaconpm.platform.EntryRefused;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** API errors as RFC 9457 problem details; field-level faults in an {@code errors} list. */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiProblems {

    @ExceptionHandler(ImportRefused.class)
    ProblemDetail refused(ImportRefused refused) {
        ProblemDetail problem =
                ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, refused.getMessage());
        problem.setTitle("The file was refused");
        problem.setType(URI.create("https://beaconpm.org/problems/import-refused"));
        problem.setProperty(
                "errors",
                refused.errors().stream()
                        .map(error -> Map.of("row", error.row(), "column", error.column(), "message", error.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler(RuleBroken.class)
    ProblemDetail ruleBroken(RuleBroken broken) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, broken.getMessage());
        problem.setTitle("The request breaks a rule");
        problem.setProperty("errors", List.of(Map.of("field", broken.field(), "message", broken.getMessage())));
        return problem;
    }

    @ExceptionHandler(EntryRefused.class)
    ProblemDetail entryRefused(EntryRefused refused) {
        List<FormError> errors = refused.errors();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.UNPROCESSABLE_CONTENT,
                errors.size() == 1
                        ? refused.getMessage()
                        : "The request has " + errors.size() + " problems: see errors");
        problem.setTitle("The request breaks a rule");
        problem.setProperty(
                "errors",
                errors.stream()
                        .map(error -> Map.of("field", error.field(), "message", error.message()))
                        .toList());
        return problem;
    }

    @ExceptionHandler(StaleEdit.class)
    ProblemDetail stale(StaleEdit stale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, stale.getMessage());
        problem.setTitle("Changed by someone else");
        return problem;
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException denied) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, denied.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound notFound) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, notFound.getMessage());
    }
}
