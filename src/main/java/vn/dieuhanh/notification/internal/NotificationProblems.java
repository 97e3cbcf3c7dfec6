package vn.dieuhanh.notification.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Errors of the inbox, conversation, nudge and admin APIs as RFC 9457 problems. */
@RestControllerAdvice(basePackages = "vn.dieuhanh.notification")
class NotificationProblems {

    static class NotFound extends RuntimeException {
        NotFound(String message) {
            super(message);
        }
    }

    static class Forbidden extends RuntimeException {
        Forbidden(String message) {
            super(message);
        }
    }

    static class BadInput extends RuntimeException {
        BadInput(String message) {
            super(message);
        }
    }

    static class Conflict extends RuntimeException {
        Conflict(String message) {
            super(message);
        }
    }

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(Forbidden.class)
    ProblemDetail forbidden(Forbidden e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(BadInput.class)
    ProblemDetail badInput(BadInput e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "The request body is not valid JSON of the expected shape: " + e.getMostSpecificCause().getMessage());
    }
}
