package vn.dieuhanh.deadline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.Notifications;

/** An outbox that keeps what was enqueued and, like the real one, ignores a key it has seen. */
public final class RecordingNotifications implements Notifications {

    private final List<Notification> enqueued = new ArrayList<>();

    @Override
    public synchronized boolean enqueue(Notification notification) {
        if (enqueued.stream().anyMatch(n -> n.dedupKey().equals(notification.dedupKey()))) {
            return false;
        }
        enqueued.add(notification);
        return true;
    }

    public synchronized List<Notification> enqueued() {
        return List.copyOf(enqueued);
    }

    /** The enqueued notifications since the last call. */
    public synchronized List<Notification> takeAll() {
        List<Notification> taken = List.copyOf(enqueued.subList(drained, enqueued.size()));
        drained = enqueued.size();
        return taken;
    }

    private int drained;

    /** How Spring would hand it to {@code DeadlineAlertSender}. */
}
