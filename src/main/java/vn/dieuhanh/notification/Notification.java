package vn.dieuhanh.notification;

import java.util.List;
import java.util.Map;

/**
 * Something to tell officials, written to the outbox in the caller's (engine) transaction.
 *
 * @param dedupKey   unique per (subject, kind, occurrence), e.g. {@code assignment:<id>:REMINDER:2026-03-05T17:00Z};
 *                   enqueueing the same key twice creates nothing the second time
 * @param kind       what happened (a {@link NotificationKind})
 * @param assignmentId the assignment it is about, if any
 * @param recipients user ids of the officials to notify
 * @param template   the message template name (Vietnamese texts live in templates, not in code)
 * @param model      values for the template
 */
public record Notification(String dedupKey, NotificationKind kind, String assignmentId, List<String> recipients,
                           String template, Map<String, Object> model) {
}
