package vn.dieuhanh.deadline.internal;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.deadline.OverdueDigests;
import vn.dieuhanh.deadline.OverdueWork;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.Notifications;

/** Groups the overdue work by recipient and enqueues one {@link NotificationKind#OVERDUE_DIGEST} each. */
@Component
class OverdueDigestSender implements OverdueDigests {

    static final String TEMPLATE = "overdue-digest";
    private static final Logger LOG = LoggerFactory.getLogger(OverdueDigestSender.class);
    /** Oldest deadline first, then by title: the most overdue work leads the list. */
    private static final Comparator<OverdueWork> ORDER = Comparator.comparing(OverdueWork::deadline)
            .thenComparing(OverdueWork::title).thenComparing(OverdueWork::assignmentId);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Notifications notifications;

    OverdueDigestSender(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public int send(LocalDate day, List<OverdueWork> items) {
        Map<String, List<OverdueWork>> byRecipient = new LinkedHashMap<>();
        for (OverdueWork item : items) {
            String recipient = item.recipient();
            if (recipient == null || recipient.isBlank()) {
                LOG.warn("Overdue assignment {} has nobody to remind (no holder, no unit head); left out of the digest",
                        item.assignmentId());
                continue;
            }
            byRecipient.computeIfAbsent(recipient, r -> new ArrayList<>()).add(item);
        }
        int created = 0;
        for (Map.Entry<String, List<OverdueWork>> entry : byRecipient.entrySet()) {
            if (notifications.enqueue(notification(day, entry.getKey(), entry.getValue()))) {
                created++;
            }
        }
        return created;
    }

    /** {@code overdue-digest:<day>:<recipient>}: one per recipient and day, whatever runs the job how often. */
    static String dedupKey(LocalDate day, String recipient) {
        return "overdue-digest:" + day + ":" + recipient;
    }

    static Notification notification(LocalDate day, String recipient, List<OverdueWork> items) {
        List<Map<String, Object>> lines = new ArrayList<>();
        items.stream().sorted(ORDER).forEach(item -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("assignmentId", item.assignmentId());
            line.put("title", item.title());
            line.put("unitName", item.unitName() != null ? item.unitName() : item.unitCode());
            line.put("deadline", VietnameseDates.deadline(item.deadline().atOffset(ZoneOffset.UTC)));
            line.put("overdueDays", item.overdueWorkingDays());
            line.put("link", "/viec/" + item.assignmentId());
            lines.add(line);
        });
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("day", DAY.format(day));
        model.put("count", lines.size());
        model.put("items", lines);
        return new Notification(dedupKey(day, recipient), NotificationKind.OVERDUE_DIGEST, null, List.of(recipient), TEMPLATE,
                model);
    }
}
