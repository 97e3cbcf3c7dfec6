package vn.dieuhanh;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Records the SQL statements the PostgreSQL driver executes on the web server's request threads (Tomcat's
 * {@code http-nio-*-exec-*}) while it is open: what one HTTP request costs, as {@link StatementCounter} counts what
 * the calling thread costs. Each statement the server executes is an Execute message of the extended protocol (its
 * text taken from the Parse of the statement the Bind before it names) or a simple query (BEGIN, COMMIT), which
 * pgjdbc logs at FINEST on the sending thread. Deterministic when the test sends one request at a time and waits for
 * the answer: the job executor's and the relay's threads are not counted.
 */
public final class RequestStatements implements AutoCloseable {

    private static final Logger DRIVER = Logger.getLogger("org.postgresql.core.v3.QueryExecutorImpl");

    private final List<String> executed = new ArrayList<>();
    private final Map<Long, Map<String, String>> parsedByThread = new HashMap<>();
    private final Map<Long, String> boundByThread = new HashMap<>();
    private final Level previousLevel = DRIVER.getLevel();
    private final boolean previousParents = DRIVER.getUseParentHandlers();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            String message = record.getMessage();
            Thread thread = Thread.currentThread();
            if (message == null || !thread.getName().startsWith("http-nio-")) {
                return;
            }
            synchronized (executed) {
                long id = thread.getId();
                if (message.contains("FE=> Parse(stmt=")) {
                    String name = between(message, "stmt=", ",");
                    String query = between(message, "query=\"", "\",oids=").replaceAll("\\s+", " ").trim();
                    parsedByThread.computeIfAbsent(id, t -> new HashMap<>()).put(name, query);
                } else if (message.contains("FE=> Bind(stmt=")) {
                    String name = between(message, "stmt=", ",");
                    boundByThread.put(id, parsedByThread.getOrDefault(id, Map.of()).getOrDefault(name,
                            "(prepared before counting: " + name + ")"));
                } else if (message.contains("FE=> Execute(")) {
                    executed.add(boundByThread.getOrDefault(id, "?"));
                } else if (message.contains("FE=> SimpleQuery(")) {
                    Object[] parameters = record.getParameters();
                    executed.add((parameters != null && parameters.length > 0 ? String.valueOf(parameters[0]) : message)
                            .replaceAll("\\s+", " ").trim());
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

    private RequestStatements() {
        DRIVER.setUseParentHandlers(false);
        DRIVER.addHandler(handler);
        DRIVER.setLevel(Level.FINEST);
    }

    /** Starts recording the statements of the web server's request threads. */
    public static RequestStatements onRequestThreads() {
        return new RequestStatements();
    }

    /** Forgets what was recorded so far (the prepared statements' texts are kept). */
    public void reset() {
        synchronized (executed) {
            executed.clear();
        }
    }

    public int count() {
        synchronized (executed) {
            return executed.size();
        }
    }

    /** The statements executed so far, most frequent first, with their counts, for a failure message. */
    public String histogram() {
        synchronized (executed) {
            Map<String, Long> counts = executed.stream().map(s -> s.length() > 160 ? s.substring(0, 160) : s)
                    .collect(Collectors.groupingBy(s -> s, LinkedHashMap::new, Collectors.counting()));
            return counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> String.format("%4d  %s", e.getValue(), e.getKey()))
                    .collect(Collectors.joining("\n", executed.size() + " statements:\n", ""));
        }
    }

    /** The statements in the order they were executed. */
    public List<String> executed() {
        synchronized (executed) {
            return List.copyOf(executed);
        }
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        if (from < 0) {
            return "";
        }
        from += start.length();
        int to = text.indexOf(end, from);
        return to < 0 ? text.substring(from) : text.substring(from, to);
    }

    @Override
    public void close() {
        DRIVER.removeHandler(handler);
        DRIVER.setLevel(previousLevel);
        DRIVER.setUseParentHandlers(previousParents);
    }
}
