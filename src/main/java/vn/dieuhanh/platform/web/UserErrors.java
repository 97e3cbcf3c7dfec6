package vn.dieuhanh.platform.web;

import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.impl.form.FormException;
import org.springframework.dao.DuplicateKeyException;
import org.xml.sax.SAXException;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

/**
 * One classification of user errors for every door (/api, engine REST, Tasklist's engine API, the engine's own log):
 * which status a failure means and the message the caller sees, Vietnamese first with English in parentheses. A
 * failure is a user error if its cause chain holds one of the application's user-error types or one of the engine's
 * (bad request, not found, authorization, optimistic locking, password policy, parse error); anything else is a bug,
 * a 500.
 */
public final class UserErrors {

    /** What the caller sees: a status, the detail and per-field problems (possibly empty). */
    public record Classified(int status, String detail, Map<String, String> problems) {

        public boolean userError() {
            return status < 500;
        }
    }

    public static final String CONCURRENT_CHANGE = "Có người khác vừa thay đổi, vui lòng thử lại (concurrent change, "
            + "retry)";
    public static final String NOT_AUTHORIZED = "Không có quyền thực hiện việc này (not authorized)";
    public static final String INTERNAL = "Lỗi hệ thống, đã được ghi lại để xử lý (internal error, logged)";

    static final String PASSWORD_POLICY = "Password does not match policy";

    private UserErrors() {
    }

    /** The user error in the cause chain, or a 500 if there is none. */
    public static Classified classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Classified classified = own(cause);
            if (classified != null) {
                return classified;
            }
        }
        // the engine's own user errors only where nothing of the application's is in the chain
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            Classified classified = engine(cause);
            if (classified != null) {
                return classified;
            }
        }
        return new Classified(500, INTERNAL, Map.of());
    }

    private static Classified own(Throwable cause) {
        if (cause instanceof InputRejected rejected) {
            return new Classified(400, vietnameseFirst(400, rejected.getMessage()), rejected.problems());
        }
        if (cause instanceof NotFound) {
            return new Classified(404, vietnameseFirst(404, cause.getMessage()), Map.of());
        }
        if (cause instanceof Forbidden) {
            return new Classified(403, vietnameseFirst(403, cause.getMessage()), Map.of());
        }
        if (cause instanceof Conflict) {
            return new Classified(409, vietnameseFirst(409, cause.getMessage()), Map.of());
        }
        return null;
    }

    private static Classified engine(Throwable cause) {
        if (cause instanceof AuthorizationException) {
            // the application's refusals say why, in Vietnamese; the engine's own name resources: not repeated
            String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
            return new Classified(403, startsVietnamese(message) ? message : NOT_AUTHORIZED, Map.of());
        }
        if (cause instanceof FormException) {
            // form input refused (the engine input guard: a variable the form does not declare)
            return new Classified(400, vietnameseFirst(400, cause.getMessage()), Map.of());
        }
        if (cause instanceof OptimisticLockingException || cause instanceof DuplicateKeyException) {
            return new Classified(409, CONCURRENT_CHANGE, Map.of());
        }
        if (cause.getClass() == ProcessEngineException.class && PASSWORD_POLICY.equals(cause.getMessage())) {
            // SaveUserCmd gives no exception type of its own, only this message
            return new Classified(400, "Mật khẩu không đạt chính sách: ít nhất 10 ký tự, có chữ hoa, chữ thường, chữ số "
                    + "và ký tự đặc biệt (password does not satisfy the password policy)", Map.of());
        }
        if (cause instanceof ParseException) {
            return new Classified(400, "Mô hình không hợp lệ, chưa được triển khai (the model could not be parsed: "
                    + firstLine(cause.getMessage()) + ")", Map.of());
        }
        if (cause instanceof ProcessEngineException && cause.getCause() instanceof SAXException xml) {
            // ENGINE-09003 "Could not parse": not well-formed XML, a DOCTYPE (XXE, entity expansion) refused
            return new Classified(400, "Tệp mô hình không phải XML hợp lệ hoặc có DOCTYPE bị cấm, chưa được triển khai "
                    + "(the model is not well-formed XML or declares a forbidden DOCTYPE: " + firstLine(xml.getMessage())
                    + ")", Map.of());
        }
        if (cause instanceof NotFoundException) {
            return new Classified(404, vietnameseFirst(404, cause.getMessage()), Map.of());
        }
        if (cause instanceof BadUserRequestException) {
            return new Classified(400, vietnameseFirst(400, cause.getMessage()), Map.of());
        }
        return null;
    }

    /** A title per status, Vietnamese first. */
    public static String title(int status) {
        return switch (status) {
            case 400 -> "Yêu cầu không hợp lệ (Bad Request)";
            case 401 -> "Chưa đăng nhập (Unauthorized)";
            case 403 -> "Không có quyền (Forbidden)";
            case 404 -> "Không tìm thấy (Not Found)";
            case 405 -> "Phương thức không được hỗ trợ (Method Not Allowed)";
            case 406 -> "Định dạng trả về không được hỗ trợ (Not Acceptable)";
            case 409 -> "Xung đột trạng thái (Conflict)";
            case 413 -> "Yêu cầu quá lớn (Content Too Large)";
            case 415 -> "Định dạng nội dung không được hỗ trợ (Unsupported Media Type)";
            default -> status >= 500 ? "Lỗi hệ thống (Internal Server Error)" : "Yêu cầu không thực hiện được";
        };
    }

    /**
     * The message itself if it starts in Vietnamese (a letter with a Vietnamese diacritic before the first
     * parenthesis or colon), otherwise prefixed with the status's Vietnamese phrase, so that every detail starts in
     * Vietnamese even where a message was written English first.
     */
    public static String vietnameseFirst(int status, String message) {
        String text = message == null || message.isBlank() ? "" : message.strip();
        if (startsVietnamese(text)) {
            return text;
        }
        String phrase = switch (status) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 403 -> "Không có quyền";
            case 404 -> "Không tìm thấy";
            case 409 -> "Xung đột trạng thái";
            default -> "Không thực hiện được";
        };
        return text.isEmpty() ? phrase : phrase + ": " + text;
    }

    static boolean startsVietnamese(String text) {
        int end = text.length();
        for (char stop : new char[] {'(', ':', ';'}) {
            int at = text.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c > 127 && Character.isLetter(c)) {
                return true;
            }
        }
        return false;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
