package vn.dieuhanh.indicator.internal.reporting;

import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportConflict;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportForbidden;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportInputException;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportNotFound;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportValidationFailed;

/**
 * Errors of the reporting API as RFC 9457 problems. The causes are searched through the chain, since a refusal raised
 * in a task listener reaches the controller wrapped by the engine. Invalid values carry {@code problems}: indicator
 * code to Vietnamese message.
 */
@RestControllerAdvice(basePackageClasses = ReportingProblems.class)
class ReportingProblems {

    @ExceptionHandler(RuntimeException.class)
    ProblemDetail handle(RuntimeException exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReportValidationFailed invalid) {
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, invalid.getMessage());
                problem.setProperty("problems", invalid.problems());
                return problem;
            }
            if (cause instanceof ReportInputException || cause instanceof IllegalArgumentException
                    && exception instanceof IllegalArgumentException) {
                return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, cause.getMessage());
            }
            if (cause instanceof ReportNotFound) {
                return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, cause.getMessage());
            }
            if (cause instanceof ReportForbidden) {
                return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, cause.getMessage());
            }
            if (cause instanceof AuthorizationException) {
                return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                        "Không có quyền thực hiện (not allowed): " + cause.getMessage());
            }
            if (cause instanceof ReportConflict) {
                return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, cause.getMessage());
            }
            if (cause instanceof org.springframework.dao.DuplicateKeyException) {
                return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        "Đã có thao tác trùng vừa được ghi nhận, vui lòng tải lại (a concurrent change won; reload)");
            }
            if (cause instanceof HttpMessageNotReadableException unreadable) {
                return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "The request body is not valid JSON of the expected shape: "
                                + unreadable.getMostSpecificCause().getMessage());
            }
        }
        throw exception;
    }
}
