package vn.dieuhanh.assignment.internal;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.dieuhanh.assignment.AssignmentInputException;

/** Errors of the assignment and directive APIs as RFC 9457 problems, never a 500 for input a caller can fix. */
@RestControllerAdvice(basePackages = {"vn.dieuhanh.assignment", "vn.dieuhanh.directive"})
class AssignmentProblemHandler {

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail handle(RuntimeException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof AssignmentInputException || cause instanceof HandlingRejected) {
                return problem(HttpStatus.BAD_REQUEST, cause.getMessage());
            }
            if (cause instanceof AssignmentActions.AssignmentNotFound) {
                return problem(HttpStatus.NOT_FOUND, cause.getMessage());
            }
            if (cause instanceof AssignmentActions.AssignmentForbidden) {
                return problem(HttpStatus.FORBIDDEN, cause.getMessage());
            }
            if (cause instanceof AuthorizationException) {
                return problem(HttpStatus.FORBIDDEN, "You are not allowed to do this: " + cause.getMessage());
            }
            if (cause instanceof AssignmentActions.AssignmentConflict) {
                return problem(HttpStatus.CONFLICT, cause.getMessage());
            }
            if (cause instanceof HttpMessageNotReadableException) {
                return problem(HttpStatus.BAD_REQUEST, "The request body is not valid JSON of the expected shape: "
                        + ((HttpMessageNotReadableException) cause).getMostSpecificCause().getMessage());
            }
        }
        throw exception;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
