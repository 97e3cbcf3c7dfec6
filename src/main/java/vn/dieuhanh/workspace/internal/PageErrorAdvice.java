package vn.dieuhanh.workspace.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.servlet.ModelAndView;
import vn.dieuhanh.platform.WebPage;
import vn.dieuhanh.platform.web.UserErrors;

/**
 * The web app's answer when a page fails: the error page in the layout with a Vietnamese title and the same
 * Vietnamese-first message and status {@code /api} would give ({@link UserErrors}), never JSON or a stack trace. An
 * htmx request gets the message in place of the page's main content (app.js swaps a 4xx that names its target).
 */
@ControllerAdvice(annotations = WebPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrorAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(PageErrorAdvice.class);
    static final String BAD_REQUEST = "Yêu cầu không hợp lệ, vui lòng kiểm tra lại (bad request)";

    private final WorkspaceWebConfiguration layout;

    PageErrorAdvice(WorkspaceWebConfiguration layout) {
        this.layout = layout;
    }

    @ExceptionHandler(Exception.class)
    ModelAndView failed(Exception failure, HttpServletRequest request, HttpServletResponse response) {
        if (clientGone(failure)) {
            // the browser left (a closed live stream, a page navigated away): nothing to answer, nothing went wrong
            LOG.debug("{} {}: client gone ({})", request.getMethod(), request.getRequestURI(), failure.toString());
            return new ModelAndView();
        }
        int status;
        String message;
        if (failure instanceof ErrorResponse mvcError && mvcError.getStatusCode().is4xxClientError()) {
            // Spring MVC's own refusals: a missing or malformed parameter, a wrong method
            status = mvcError.getStatusCode().value();
            message = BAD_REQUEST;
        } else {
            UserErrors.Classified classified = UserErrors.classify(failure);
            status = classified.status();
            message = classified.detail();
        }
        String where = request.getMethod() + " " + request.getRequestURI();
        if (status < 500) {
            LOG.info("{} {}: {}", status, where, message);
        } else {
            LOG.error("{} {}", status, where, failure);
        }
        response.setStatus(status);
        boolean htmx = request.getHeader("HX-Request") != null;
        ModelAndView view = new ModelAndView(htmx ? "workspace/error :: message" : "workspace/error");
        if (htmx) {
            response.setHeader("HX-Retarget", "#noi-dung");
            response.setHeader("HX-Reswap", "innerHTML");
        }
        view.addObject("title", title(status));
        view.addObject("error", message);
        layout.addLayoutModel(request, view);
        return view;
    }

    private static boolean clientGone(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AsyncRequestNotUsableException
                    || "org.apache.catalina.connector.ClientAbortException".equals(cause.getClass().getName())) {
                return true;
            }
        }
        return false;
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Yêu cầu không hợp lệ";
            case 403 -> "Không có quyền";
            case 404 -> "Không tìm thấy";
            case 409 -> "Xung đột trạng thái";
            case 429 -> "Quá nhiều yêu cầu";
            default -> "Lỗi hệ thống";
        };
    }
}
