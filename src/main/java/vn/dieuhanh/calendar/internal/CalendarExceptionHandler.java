package vn.dieuhanh.calendar.internal;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import vn.dieuhanh.calendar.CalendarArgumentException;

/** Bad calendar questions are the caller's mistake: 400 with a message saying what to fix. */
@RestControllerAdvice(assignableTypes = CalendarController.class)
class CalendarExceptionHandler {

    @ExceptionHandler(CalendarArgumentException.class)
    ProblemDetail invalidArgument(CalendarArgumentException e) {
        return badRequest(e.getMessage());
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return badRequest("Missing request parameter '" + e.getParameterName() + "'");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail wrongType(MethodArgumentTypeMismatchException e) {
        String expected = e.getRequiredType() == null ? "another type" : e.getRequiredType().getSimpleName();
        return badRequest("Parameter '" + e.getName() + "' must be of type " + expected + ", got '" + e.getValue() + "'");
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadableBody(HttpMessageNotReadableException e) {
        return badRequest("The request body is not valid JSON of the expected shape");
    }

    @ExceptionHandler(CalendarAccessDeniedException.class)
    ProblemDetail forbidden(CalendarAccessDeniedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
        problem.setTitle("Forbidden");
        return problem;
    }

    private static ProblemDetail badRequest(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid calendar request");
        return problem;
    }
}
