package vn.dieuhanh.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code dieuhanh.security.login.*}: how failed logins are throttled (see docs/security-login.md).
 *
 * @param maxFailuresPerAccount failed logins of one account name within {@code window} that lock it (administrators'
 *                              accounts are never locked, only their sources)
 * @param maxFailuresPerSource  failed logins from one source address within {@code window} that lock the address
 * @param window                how far back failures count
 * @param lockDuration          how long a lock lasts; it then expires by itself
 * @param maxTracked            account names and addresses remembered at most (per node, in memory)
 * @param recentFailures        failures kept for administrators' report
 */
@ConfigurationProperties("dieuhanh.security.login")
public record LoginThrottleProperties(
        @DefaultValue("5") int maxFailuresPerAccount,
        @DefaultValue("30") int maxFailuresPerSource,
        @DefaultValue("15m") Duration window,
        @DefaultValue("15m") Duration lockDuration,
        @DefaultValue("10000") int maxTracked,
        @DefaultValue("200") int recentFailures) {

    public LoginThrottleProperties {
        if (maxFailuresPerAccount < 1 || maxFailuresPerSource < 1 || maxTracked < 1 || recentFailures < 0
                || window.isNegative() || window.isZero() || lockDuration.isNegative() || lockDuration.isZero()) {
            throw new IllegalArgumentException("dieuhanh.security.login: limits and durations must be positive");
        }
    }
}
