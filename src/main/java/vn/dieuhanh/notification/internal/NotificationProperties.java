package vn.dieuhanh.notification.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dieuhanh.notifications.*}: the relay's pace, locks and back-off, and the e-mail sender address.
 *
 * @param relayEnabled  whether this node delivers (every node may; they coordinate through row claims)
 * @param relayInterval pause between two relay runs
 * @param batchSize     delivery rows claimed per run at most
 * @param lockDuration  how long a claim protects a delivery in progress; longer than any channel's timeout
 * @param backoffBase   wait after the first failure; doubled after each further failure ...
 * @param backoffMax    ... up to this
 * @param maxAttempts   attempts before a delivery is FAILED (an administrator can retry it)
 * @param mailFrom      sender of the e-mails
 */
@ConfigurationProperties("dieuhanh.notifications")
record NotificationProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("2s") Duration relayInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("2m") Duration lockDuration,
        @DefaultValue("30s") Duration backoffBase,
        @DefaultValue("1h") Duration backoffMax,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("no-reply@dieuhanh.local") String mailFrom) {
}
