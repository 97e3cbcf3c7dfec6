package vn.dieuhanh.deadline.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.dieuhanh.deadline.AlertKind;
import vn.dieuhanh.deadline.AlertSubject;
import vn.dieuhanh.deadline.AssignmentBecameOverdue;
import vn.dieuhanh.deadline.DeadlineAlert;
import vn.dieuhanh.deadline.DeadlineAlerts;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.Notifications;

/**
 * Turns a due alert into an outbox notification (recipients and template by kind) and, for the overdue alert, the
 * KPI event. Runs in the engine transaction of the watcher's timer job: if anything fails, the notification and the
 * event listeners' work roll back with the job, which the engine retries.
 */
@Component
public class DeadlineAlertSender implements DeadlineAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineAlertSender.class);

    private final Notifications notifications;
    private final ApplicationEventPublisher events;

    public DeadlineAlertSender(Notifications notifications, ApplicationEventPublisher events) {
        this.notifications = notifications;
        this.events = events;
    }

    @Override
    public void send(AlertSubject subject, DeadlineAlert alert) {
        Notification notification = new Notification(dedupKey(subject, alert), alert.kind().notificationKind(),
                subject.assignmentId(), recipients(subject, alert.kind()), template(alert.kind()),
                model(subject, alert));
        boolean fresh = enqueue(notification);
        if (alert.kind() == AlertKind.OVERDUE && fresh) {
            events.publishEvent(new AssignmentBecameOverdue(subject.assignmentId(), subject.unitCode(),
                    subject.holderUser(), subject.deadline(), alert.at()));
        }
    }

    /** True unless the outbox had the key already. */
    private boolean enqueue(Notification notification) {
        if (notification.recipients().isEmpty()) {
            LOG.warn("Deadline alert {} has nobody to tell (no holder, unit head or assigner known); not enqueued",
                    notification.dedupKey());
            return true;
        }
        return notifications.enqueue(notification);
    }

    /** {@code assignment:<id>:<KIND>:<alert instant>}, unique per (assignment, kind, occurrence). */
    static String dedupKey(AlertSubject subject, DeadlineAlert alert) {
        return "assignment:" + subject.assignmentId() + ":" + alert.kind().name() + ":" + alert.at();
    }

    /** Reminders go to whoever holds it (the unit head while a unit or division does); escalations up the line. */
    static List<String> recipients(AlertSubject subject, AlertKind kind) {
        List<String> recipients = new ArrayList<>();
        String holderOrHead = subject.holderUser() != null ? subject.holderUser() : subject.unitHead();
        switch (kind) {
            case REMINDER, OVERDUE_REMINDER -> add(recipients, holderOrHead);
            case OVERDUE -> {
                add(recipients, holderOrHead);
                add(recipients, subject.unitHead());
            }
            case ESCALATION_TO_HEAD -> add(recipients, subject.unitHead());
            case ESCALATION_TO_LEADER -> add(recipients, subject.assignedBy());
        }
        return List.copyOf(recipients);
    }


    static String template(AlertKind kind) {
        return switch (kind) {
            case REMINDER -> "reminder";
            case OVERDUE -> "overdue";
            case OVERDUE_REMINDER -> "overdue-reminder";
            case ESCALATION_TO_HEAD, ESCALATION_TO_LEADER -> "escalation";
        };
    }

    /** Values for the template; overdueDays counts full overdue working days (0 before and at the deadline). */
    static Map<String, Object> model(AlertSubject subject, DeadlineAlert alert) {
        Map<String, Object> model = new LinkedHashMap<>();
        put(model, "title", subject.title());
        put(model, "deadline", subject.deadlineText());
        put(model, "unitName", subject.unitName());
        model.put("overdueDays", alert.kind() == AlertKind.REMINDER ? 0 : alert.occurrence() - 1);
        if (alert.kind() == AlertKind.REMINDER) {
            model.put("reminderNumber", alert.occurrence());
        }
        if (alert.kind() == AlertKind.ESCALATION_TO_HEAD || alert.kind() == AlertKind.ESCALATION_TO_LEADER) {
            model.put("escalatedTo", alert.kind() == AlertKind.ESCALATION_TO_HEAD ? "head" : "leader");
            put(model, "holderName", subject.holderUser() != null ? subject.holderUser() : subject.unitCode());
        }
        return model;
    }

    private static void add(List<String> recipients, String user) {
        if (user != null && !user.isBlank() && !recipients.contains(user)) {
            recipients.add(user);
        }
    }

    private static void put(Map<String, Object> model, String key, Object value) {
        if (value != null) {
            model.put(key, value);
        }
    }
}
