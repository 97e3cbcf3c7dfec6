package vn.dieuhanh.assignment.internal;

import vn.dieuhanh.platform.web.UserErrors;

/**
 * What an item-page action's failure means for the official: the status and the Vietnamese-first message, exactly as
 * {@code /api} answers it ({@link UserErrors}: the application's refusals anywhere in the cause chain first, since a
 * delegate's refusal arrives wrapped by the engine, then the engine's own user errors; anything else is a bug, a 500
 * with the generic message, never a stack trace).
 */
record PageRefusal(int status, String message) {

    boolean userError() {
        return status < 500;
    }

    static PageRefusal of(Throwable failure) {
        UserErrors.Classified classified = UserErrors.classify(failure);
        return new PageRefusal(classified.status(), classified.detail());
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
}
