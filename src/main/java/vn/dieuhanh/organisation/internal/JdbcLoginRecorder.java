package vn.dieuhanh.organisation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dieuhanh.platform.LoginRecorder;

/**
 * {@link LoginRecorder} on the directory: a deactivated official is {@code org_official.active = FALSE}; the last login
 * is {@code org_login}, written at most once per {@link #WRITE_EVERY} per account and node (HTTP Basic checks the
 * password on every request).
 */
@Component
class JdbcLoginRecorder implements LoginRecorder {

    static final Duration WRITE_EVERY = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate savepoint;
    private final Map<String, Instant> lastWritten = new ConcurrentHashMap<>();

    JdbcLoginRecorder(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public boolean isDeactivated(String userId) {
        return jdbc.sql("SELECT COUNT(*) FROM org_official WHERE user_id = ? AND active = FALSE").param(userId)
                .query(Integer.class).single() > 0;
    }

    @Override
    public void loggedIn(String userId, String door) {
        Instant now = clock.instant();
        Instant last = lastWritten.get(userId);
        if (last != null && last.plus(WRITE_EVERY).isAfter(now)) {
            return;
        }
        if (lastWritten.size() > 100_000) {
            lastWritten.clear();
        }
        lastWritten.put(userId, now);
        OffsetDateTime at = OffsetDateTime.now(clock);
        String shortDoor = door == null ? "password" : door.substring(0, Math.min(30, door.length()));
        int updated = jdbc.sql("UPDATE org_login SET last_login_at = ?, door = ? WHERE user_id = ?")
                .params(at, shortDoor, userId).update();
        if (updated == 0) {
            try {
                // in a savepoint: a failed insert must not abort the login's transaction on PostgreSQL
                savepoint.executeWithoutResult(status -> jdbc.sql(
                                "INSERT INTO org_login (user_id, last_login_at, door) VALUES (?, ?, ?)")
                        .params(userId, at, shortDoor).update());
            } catch (DuplicateKeyException concurrentFirstLogin) {
                // another request (or node) recorded the same first login at the same moment: that row will do
            }
        }
    }

    /** Forgets what this node wrote, so the next login is written (tests, and an account reactivated). */
    void forget(String userId) {
        lastWritten.remove(userId);
    }
}
