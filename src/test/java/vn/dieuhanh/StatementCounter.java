package vn.dieuhanh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Counts the SQL statements the PostgreSQL driver sends on the current thread while it is open, whatever sends them
 * (JdbcClient, Camunda's MyBatis, Quartz): every statement the server executes is an Execute message of the
 * extended protocol or a simple query, which pgjdbc logs at FINEST on the calling thread. The count is
 * deterministic (no timing); it includes the transaction's BEGIN and COMMIT. Other threads (job executor, relay)
 * are not counted. For tests that assert that a request's statements do not grow with the data (N+1 queries).
 */
public final class StatementCounter implements AutoCloseable {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private final long thread = Thread.currentThread().getId();
    private final AtomicInteger count = new AtomicInteger();
    private final List<String> parsed = new ArrayList<>();
    private final Level previousLevel = DRIVER.getLevel();
    private final boolean previousParents = DRIVER.getUseParentHandlers();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLongThreadID() != thread || record.getMessage() == null) {
                return;
            }
            String message = record.getMessage();
            if (message.contains("FE=> Execute(") || message.contains("FE=> SimpleQuery(")) {
                count.incrementAndGet();
            } else if (message.contains("FE=> Parse(")) {
                synchronized (parsed) {
                    parsed.add(message);
                }
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private StatementCounter() {
        DRIVER.setUseParentHandlers(false); // not into the application's log (jul-to-slf4j on the root logger)
        DRIVER.addHandler(handler);
        DRIVER.setLevel(Level.FINEST);
    }

    /** Starts counting the statements of the calling thread. */
    public static StatementCounter onThisThread() {
        return new StatementCounter();
    }

    /** Statements executed so far on the counting thread. */
    public int count() {
        return count.get();
    }

    /** The statements parsed (sent as new prepared statements) so far, for a failure message. */
    public String parsed() {
        synchronized (parsed) {
            return String.join("\n", parsed);
        }
    }

    @Override
    public void close() {
        DRIVER.removeHandler(handler);
        DRIVER.setLevel(previousLevel);
        DRIVER.setUseParentHandlers(previousParents);
    }
}
