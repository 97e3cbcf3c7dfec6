package vn.dieuhanh.notification.internal;

import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import vn.dieuhanh.notification.NotificationChannel;
import vn.dieuhanh.notification.OutgoingNotification;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;

/**
 * E-mail through Spring's {@link JavaMailSender}, to the address the directory holds for the official. Active only
 * when {@code spring.mail.host} is set (the demo has no SMTP server). An official without an address is SKIPPED.
 * The outbox row's id travels as header {@code X-DieuHanh-Notification}, so a repeat is recognisable.
 */
@Component
@Conditional(EmailChannel.MailHostConfigured.class)
class EmailChannel implements NotificationChannel {

    static final String NAME = "EMAIL";
    static final String HEADER_ID = "X-DieuHanh-Notification";
    static final String HEADER_KEY = "X-DieuHanh-Key";

    private final JavaMailSender mailSender;
    private final OrganisationDirectory directory;
    private final NotificationProperties properties;

    EmailChannel(JavaMailSender mailSender, OrganisationDirectory directory, NotificationProperties properties) {
        this.mailSender = mailSender;
        this.directory = directory;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeliveryOutcome deliver(OutgoingNotification n) throws Exception {
        Optional<Official> official = directory.official(n.recipient());
        String address = official.map(Official::email).filter(e -> e != null && !e.isBlank()).orElse(null);
        if (address == null) {
            return DeliveryOutcome.SKIPPED;
        }
        MimeMessage message = mailSender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(properties.mailFrom());
        helper.setTo(address);
        helper.setSubject(n.subject());
        helper.setText(n.body(), false);
        message.setHeader(HEADER_ID, n.outboxId());
        message.setHeader(HEADER_KEY, n.dedupKey());
        mailSender.send(message);
        return DeliveryOutcome.DELIVERED;
    }

    /** {@code spring.mail.host} (from {@code DIEUHANH_SMTP_HOST}) is set and not empty. */
    static class MailHostConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("spring.mail.host"));
        }
    }
}
