package org.beaconpm.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Faults in how a request to the API is made (a body that is not JSON, a
 * missing parameter, an unsupported media type) as RFC 9457 problem details, like the business errors that
 * {@link ApiProblems} answers. Problems these controllers build themselves are thrown as
 * {@link org.springframework.web.ErrorResponseException} and answered here too.
 */
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiRequestProblems extends ResponseEntityExceptionHandler {

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, "The request body could not be read as JSON of the expected shape: " + reason(ex));
        problem.setTitle("Unreadable request body");
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    /** The parser's own first line, without where in the source it was. */
    private static String reason(HttpMessageNotReadableException ex) {
        String message = ex.getMostSpecificCause().getMessage();
        if (message == null || message.isBlank()) {
            return "the body is empty or malformed";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
