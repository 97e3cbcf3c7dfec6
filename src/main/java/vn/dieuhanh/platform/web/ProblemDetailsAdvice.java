package vn.dieuhanh.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.net.URI;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import vn.dieuhanh.platform.engine.CommandFailureLogging;

/**
 * The one error contract of {@code /api} (docs/security-input.md): every user error is a 400, 403, 404 or 409
 * {@code application/problem+json} whose {@code detail} is Vietnamese first with English in parentheses; anything
 * else is a 500 (a bug), logged once with its stack trace. User errors are logged on one line at INFO.
 * <p>
 * Spring MVC's own errors (malformed JSON, wrong types, unknown fields, missing parameters, failed Bean Validation)
 * come through {@link ResponseEntityExceptionHandler}; the application's and the engine's exceptions through
 * {@link UserErrors}, searched along the cause chain since a refusal raised in a delegate reaches the controller
 * wrapped by the engine.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 10) // after the web app's page errors (vn.dieuhanh.platform.WebPage)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(Throwable.class)
    ResponseEntity<Object> any(Throwable failure, NativeWebRequest request) {
        UserErrors.Classified classified = UserErrors.classify(failure);
        if (!classified.userError() && failure instanceof IllegalArgumentException && failure.getCause() == null) {
            // a parse failure of a parameter thrown by the application's value types (a period, a frequency, ...)
            classified = new UserErrors.Classified(400, UserErrors.vietnameseFirst(400, failure.getMessage()),
                    Map.of());
        }
        ProblemDetail problem = problem(classified.status(), classified.detail(), request);
        if (!classified.problems().isEmpty()) {
            problem.setProperty("problems", classified.problems());
        }
        log(classified.status(), classified.detail(), failure, request);
        return ResponseEntity.status(classified.status()).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            problems.putIfAbsent(error.getField(), message(error.getField(), violation(error), error));
        }
        e.getBindingResult().getGlobalErrors().forEach(error ->
                problems.putIfAbsent(error.getObjectName(), message(error.getObjectName(), null, error)));
        return invalid(problems, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? fieldError.getField() : name;
                ConstraintViolation<?> violation = null;
                try {
                    violation = result.unwrap(error, ConstraintViolation.class);
                } catch (IllegalArgumentException notAViolation) {
                    // keep the default message
                }
                problems.putIfAbsent(field, message(field, violation, error));
            }
        }
        return invalid(problems, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return badRequest(unreadable(e), e, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
                                                                          HttpHeaders headers,
                                                                          HttpStatusCode status,
                                                                          WebRequest request) {
        return badRequest("Thiếu tham số '" + e.getParameterName() + "' (missing request parameter '"
                + e.getParameterName() + "')", e, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException mismatch ? mismatch.getName()
                : e.getPropertyName();
        return badRequest("Tham số '" + name + "' sai kiểu, cần " + typeName(e.getRequiredType(), true)
                + " (parameter '" + name + "' must be " + typeName(e.getRequiredType(), false) + ", got '" + e.getValue()
                + "')", e, request);
    }

    /** Spring MVC's other errors (405, 406, 415, no handler, ...): its status, with a Vietnamese title. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        int status = statusCode.value();
        String detail = body instanceof ProblemDetail given && given.getDetail() != null ? given.getDetail()
                : e instanceof ErrorResponse response && response.getBody().getDetail() != null
                ? response.getBody().getDetail() : e.getMessage();
        detail = UserErrors.vietnameseFirst(status, detail);
        log(status, detail, e, request);
        return ResponseEntity.status(status).headers(headers).body(problem(status, detail, request));
    }

    private ResponseEntity<Object> invalid(Map<String, String> problems, WebRequest request) {
        String detail = String.join("; ", problems.values());
        ProblemDetail problem = problem(400, detail, request);
        problem.setProperty("problems", problems);
        log(400, detail, null, request);
        return ResponseEntity.badRequest().body(problem);
    }

    private ResponseEntity<Object> badRequest(String detail, Exception e, WebRequest request) {
        log(400, detail, e, request);
        return ResponseEntity.badRequest().body(problem(400, detail, request));
    }

    private static ProblemDetail problem(int status, String detail, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status), detail);
        problem.setTitle(UserErrors.title(status));
        HttpServletRequest servlet = request instanceof NativeWebRequest nativeRequest
                ? nativeRequest.getNativeRequest(HttpServletRequest.class) : null;
        if (servlet != null) {
            problem.setInstance(URI.create(servlet.getRequestURI()));
        }
        return problem;
    }

    private static void log(int status, String detail, Throwable failure, WebRequest request) {
        String where = request.getDescription(false);
        if (status < 500) {
            LOG.info("{} {}: {}", status, where, detail);
        } else if (failure != null && CommandFailureLogging.alreadyLogged(failure)) {
            LOG.error("{} {}: {} (logged above by the engine)", status, where, failure);
        } else {
            LOG.error("{} {}", status, where, failure);
        }
    }

    private static ConstraintViolation<?> violation(FieldError error) {
        try {
            return error.unwrap(ConstraintViolation.class);
        } catch (IllegalArgumentException notAViolation) {
            return null;
        }
    }

    /** Vietnamese first, from the constraint that failed; the constraint's own message for the project's ones. */
    static String message(String field, ConstraintViolation<?> violation, MessageSourceResolvable error) {
        if (violation == null) {
            return "Trường '" + field + "' không hợp lệ (" + field + ": " + error.getDefaultMessage() + ")";
        }
        ConstraintDescriptor<?> descriptor = violation.getConstraintDescriptor();
        Map<String, Object> a = descriptor.getAttributes();
        String type = descriptor.getAnnotation().annotationType().getSimpleName();
        Object value = violation.getInvalidValue();
        return switch (type) {
            case "Size" -> value instanceof Collection<?> || value instanceof Map<?, ?>
                    ? "Trường '" + field + "' phải có từ " + a.get("min") + " đến " + a.get("max") + " mục (" + field
                    + " must have " + a.get("min") + " to " + a.get("max") + " items)"
                    : value != null && value.toString().length() > ((Number) a.get("max")).intValue()
                    ? "Trường '" + field + "' dài quá " + a.get("max") + " ký tự (" + field + " longer than "
                    + a.get("max") + " characters)"
                    : "Trường '" + field + "' ngắn quá, cần ít nhất " + a.get("min") + " ký tự (" + field
                    + " shorter than " + a.get("min") + " characters)";
            case "Min", "DecimalMin", "Positive" -> "Trường '" + field + "' phải từ " + a.getOrDefault("value", 1)
                    + " trở lên (" + field + " must be at least " + a.getOrDefault("value", 1) + ", got " + value + ")";
            case "Max", "DecimalMax" -> "Trường '" + field + "' không được lớn hơn " + a.get("value") + " (" + field
                    + " must be at most " + a.get("value") + ", got " + value + ")";
            case "Digits" -> "Trường '" + field + "' có quá nhiều chữ số, tối đa " + a.get("integer")
                    + " chữ số phần nguyên và " + a.get("fraction") + " chữ số thập phân (" + field + ": at most "
                    + a.get("integer") + " integer and " + a.get("fraction") + " fraction digits)";
            case "NotNull", "NotBlank", "NotEmpty" -> "Thiếu trường '" + field + "' (" + field + " is required)";
            default -> "Trường '" + field + "' " + violation.getMessage();
        };
    }

    private static String unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Trường không được hỗ trợ '" + unknown.getPropertyName() + "' (unknown field '"
                    + unknown.getPropertyName() + "'; expected " + unknown.getKnownPropertyIds() + ")";
        }
        if (cause instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                && invalid.getTargetType().isEnum()) {
            String field = path(invalid);
            return "Trường '" + field + "' có giá trị không hợp lệ '" + invalid.getValue() + "' (" + field
                    + " must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants()) + ")";
        }
        if (cause instanceof MismatchedInputException mismatched && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            return "Trường '" + field + "' sai kiểu, cần " + typeName(mismatched.getTargetType(), true) + " (" + field
                    + " must be " + typeName(mismatched.getTargetType(), false) + ")";
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = path(mapping);
            return "Trường '" + field + "' không đọc được (" + field + " could not be read)";
        }
        if (cause instanceof JsonProcessingException) {
            return "Nội dung không phải JSON hợp lệ (malformed JSON)";
        }
        return "Thiếu nội dung JSON hoặc nội dung không đọc được (a JSON body of the expected shape is required)";
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String typeName(Class<?> type, boolean vietnamese) {
        String name = type == null ? "" : type.getSimpleName();
        return switch (name) {
            case "Integer", "int", "Long", "long", "Short", "short" -> vietnamese ? "số nguyên" : "a whole number";
            case "BigDecimal", "Double", "double", "Float", "float" -> vietnamese ? "số" : "a number";
            case "Boolean", "boolean" -> vietnamese ? "true hoặc false" : "true or false";
            case "LocalDate" -> vietnamese ? "ngày yyyy-MM-dd" : "a date yyyy-MM-dd";
            case "String" -> vietnamese ? "chuỗi ký tự" : "a string";
            case "" -> vietnamese ? "kiểu khác" : "another type";
            default -> vietnamese ? "kiểu " + name : name;
        };
    }
}
