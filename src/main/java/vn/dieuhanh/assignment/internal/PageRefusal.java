package vn.dieuhanh.assignment.internal;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

/**
 * What an item-page action's failure means for the official: the status and the Vietnamese-first message, as
 * {@code /api} answers it (the platform's {@code UserErrors}, which is internal to the platform module): the
 * application's refusals anywhere in the cause chain first (a delegate's refusal arrives wrapped by the engine), then
 * the engine's own user errors; anything else is a bug (500, the generic message, never a stack trace).
 */
record PageRefusal(int status, String message) {

    static final String NOT_AUTHORIZED = "Không có quyền thực hiện việc này (not authorized)";
    static final String CONCURRENT_CHANGE = "Có người khác vừa thay đổi, vui lòng thử lại (concurrent change, retry)";
    static final String INTERNAL = "Lỗi hệ thống, đã được ghi lại để xử lý (internal error, logged)";

    boolean userError() {
        return status < 500;
    }

    static PageRefusal of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof InputRejected) {
                return new PageRefusal(400, vietnameseFirst("Yêu cầu không hợp lệ", cause.getMessage()));
            }
            if (cause instanceof NotFound) {
                return new PageRefusal(404, vietnameseFirst("Không tìm thấy", cause.getMessage()));
            }
            if (cause instanceof Forbidden) {
                return new PageRefusal(403, vietnameseFirst("Không có quyền", cause.getMessage()));
            }
            if (cause instanceof Conflict) {
                return new PageRefusal(409, vietnameseFirst("Xung đột trạng thái", cause.getMessage()));
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AuthorizationException) {
                // the application's own authorization refusals are Vietnamese; the engine's are technical
                return new PageRefusal(403, startsVietnamese(cause.getMessage()) ? cause.getMessage() : NOT_AUTHORIZED);
            }
            if (cause instanceof OptimisticLockingException) {
                return new PageRefusal(409, CONCURRENT_CHANGE);
            }
            if (cause instanceof BadUserRequestException) {
                return new PageRefusal(400, vietnameseFirst("Yêu cầu không hợp lệ", cause.getMessage()));
            }
        }
        return new PageRefusal(500, INTERNAL);
    }

    /** The title of the page that says why a page cannot be shown. */
    String title() {
        return switch (status) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 403 -> "Không có quyền";
            case 404 -> "Không tìm thấy";
            case 409 -> "Xung đột trạng thái";
            default -> "Lỗi hệ thống";
        };
    }

    private static String vietnameseFirst(String phrase, String message) {
        String text = message == null ? "" : message.strip();
        if (startsVietnamese(text)) {
            return text;
        }
        return text.isEmpty() ? phrase : phrase + ": " + text;
    }

    /** A letter with a Vietnamese diacritic before the first parenthesis, colon or semicolon. */
    static boolean startsVietnamese(String text) {
        if (text == null) {
            return false;
        }
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
}
