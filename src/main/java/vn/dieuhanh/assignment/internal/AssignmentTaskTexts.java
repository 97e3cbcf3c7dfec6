package vn.dieuhanh.assignment.internal;

import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.*;

import vn.dieuhanh.assignment.AssignmentRole;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.platform.TaskTexts;

/**
 * What the lifecycle's user tasks are called in Tasklist, from the assignment's record. A directive's assignments
 * carry the title "number: summary" (written by the directive module), split here into the summary and the document
 * number; an instant assignment's title is its own.
 */
record AssignmentTaskTexts(AssignmentRecord assignment, String unitName) {

    String summary() {
        String title = assignment.title() == null ? "" : assignment.title().strip();
        int colon = title.indexOf(": ");
        return assignment.directiveId() != null && colon > 0 ? title.substring(colon + 2).strip() : title;
    }

    /** The directive's document number, or null for an instant assignment. */
    String documentNumber() {
        String title = assignment.title() == null ? "" : assignment.title().strip();
        int colon = title.indexOf(": ");
        return assignment.directiveId() != null && colon > 0 ? title.substring(0, colon).strip() : null;
    }

    String name(String taskKey) {
        String verb = switch (taskKey) {
            case TASK_REVIEW_RESULT -> "Xem xét kết quả";
            case TASK_REVIEW_EXTENSION -> "Xem xét gia hạn";
            default -> "Xử lý";
        };
        return TaskTexts.name(verb, summary(), documentNumber());
    }

    String description(String proposedDeadlineText) {
        AssignmentRole role = assignment.role();
        String unit = role == null || role == AssignmentRole.INSTANT ? unitName
                : unitName + " (" + role.label().toLowerCase(java.util.Locale.ROOT) + ")";
        return TaskTexts.description(
                "Đơn vị", unit,
                "Văn bản", documentNumber(),
                "Nguồn", assignment.source() == null ? null : assignment.source().label(),
                "Độ khẩn", assignment.urgency() == null ? null : assignment.urgency().label(),
                "Hạn xử lý", assignment.deadline() == null ? null : VietnameseDates.deadline(assignment.deadline()),
                "Đề nghị gia hạn đến", proposedDeadlineText,
                "Nội dung", assignment.description());
    }
}
