package vn.dieuhanh.notification.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationChannel;
import vn.dieuhanh.notification.Notifications;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;

/**
 * The outbox. Renders the texts for each recipient and writes one outbox row per (key, recipient) plus one PENDING
 * delivery per channel, all in the caller's transaction (the engine's when called from a delegate: Camunda's Spring
 * integration runs its commands in Spring-managed transactions of the same DataSource).
 */
@Service("notifications")
class OutboxService implements Notifications {

    /** Model keys the outbox fills in when the caller did not. */
    static final String RECIPIENT_NAME = "recipientName";
    static final String UNIT_NAME = "unitName";
    static final String UNIT_CODE = "unitCode";
    static final String DEADLINE = "deadline";
    static final String KIND_LABEL = "kindLabel";

    private final OutboxRepository repository;
    private final NotificationTemplates templates;
    private final OrganisationDirectory directory;
    private final List<NotificationChannel> channels;
    private final Clock clock;

    OutboxService(OutboxRepository repository, NotificationTemplates templates, OrganisationDirectory directory,
                  List<NotificationChannel> channels, Clock clock) {
        this.repository = repository;
        this.templates = templates;
        this.directory = directory;
        this.channels = channels;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean enqueue(Notification notification) {
        validate(notification);
        Set<String> recipients = new LinkedHashSet<>();
        notification.recipients().stream().filter(r -> r != null && !r.isBlank()).map(String::trim)
                .forEach(recipients::add);
        Instant now = clock.instant();
        boolean created = false;
        for (String recipient : recipients) {
            NotificationTemplates.Rendered text = templates.render(notification.template(),
                    model(notification, recipient));
            String id = UUID.randomUUID().toString();
            if (repository.insertIfAbsent(id, notification.dedupKey(), recipient, notification.kind(),
                    notification.assignmentId(), notification.template(), text.subject(), text.body(), now)) {
                for (NotificationChannel channel : channels) {
                    if (!notification.kind().deliveredBy(channel.name())) {
                        continue;
                    }
                    repository.insertDelivery(id, channel.name(), now);
                }
                created = true;
            }
        }
        return created;
    }

    private void validate(Notification n) {
        if (n == null || n.dedupKey() == null || n.dedupKey().isBlank() || n.kind() == null
                || n.recipients() == null || n.template() == null) {
            throw new IllegalArgumentException("A notification needs a dedup key, a kind, recipients and a template: "
                    + n);
        }
        if (n.dedupKey().length() > 300) {
            throw new IllegalArgumentException("The dedup key is longer than 300 characters: " + n.dedupKey());
        }
        if (!templates.exists(n.template())) {
            throw new IllegalArgumentException("No notification template '" + n.template() + "'");
        }
    }

    /** The caller's values plus the recipient's name, the unit's name and the deadline written the Vietnamese way. */
    Map<String, Object> model(Notification notification, String recipient) {
        Map<String, Object> model = new HashMap<>();
        if (notification.model() != null) {
            model.putAll(notification.model());
        }
        model.putIfAbsent(KIND_LABEL, notification.kind().label());
        if (!model.containsKey(RECIPIENT_NAME)) {
            model.put(RECIPIENT_NAME, directory.official(recipient).map(Official::fullName).orElse(recipient));
        }
        if (!model.containsKey(UNIT_NAME) && model.get(UNIT_CODE) != null) {
            String code = model.get(UNIT_CODE).toString();
            model.put(UNIT_NAME, directory.unit(code).map(Unit::name).orElse(code));
        }
        Object deadline = model.get(DEADLINE);
        OffsetDateTime instant = deadline instanceof OffsetDateTime o ? o
                : deadline instanceof ZonedDateTime z ? z.toOffsetDateTime()
                : deadline instanceof Instant i ? i.atOffset(ZoneOffset.UTC)
                : deadline instanceof Date d ? d.toInstant().atOffset(ZoneOffset.UTC)
                : null;
        if (instant != null) {
            model.put(DEADLINE, VietnameseDates.deadline(instant));
        }
        return model;
    }
}
