package vn.dieuhanh.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The chat's live delivery benchmark of issue 19 (a command that prints figures, not a test). It starts the
 * application in its {@code postgres} profile on an embedded PostgreSQL server, registers a head and an officer for
 * every unit and a City PC leader, creates a group of {@code bench.chatMembers} (170) members (the leader and unit
 * heads) through {@code POST /api/chat/groups}, signs every member in through the login page and opens his live
 * stream {@code /tro-chuyen/su-kien} over HTTP. Then members post {@code bench.chatRate} (50) messages per second for
 * {@code bench.chatSeconds} (20) seconds through {@code POST /api/chat/conversations/{id}/messages}, and every stream
 * records when each message's event arrives. It prints p50/p99/max of the time from just before the POST to the
 * event's arrival, over every (message, member) pair, the deliveries missing after a grace period, and the POST times.
 * Client and server run on the same (shared, loaded) machine.
 * <p>
 * Run: {@code mvn -o -q -Pbenchmark test-compile exec:exec -Dbench.main=vn.dieuhanh.benchmark.ChatBenchmark}
 * (docs/chat.md, "Speed").
 */
public final class ChatBenchmark {

    final int members = Integer.getInteger("bench.chatMembers", 170);
    final int rate = Integer.getInteger("bench.chatRate", 50);
    final int seconds = Integer.getInteger("bench.chatSeconds", 20);
    final int warmUpMessages = Integer.getInteger("bench.chatWarmUp", 50);

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern AT = Pattern.compile("\"at\":\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Benchmark.printAndExit("Điều Hành chat live delivery benchmark (issue 19)", "chat-benchmark.txt", new ChatBenchmark().run());
    }

    Map<String, String> run() throws Exception {
        Map<String, String> r = new LinkedHashMap<>();
        Benchmark base = new Benchmark();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            Benchmark.putMachine(r, db, "embedded, same machine; other work running: see load average");
            Benchmark.log("chat: starting the application");
            ConfigurableApplicationContext app = base.start(postgres.getJdbcUrl("postgres", "postgres"), false, false);
            try {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                List<String> units = base.registerOfficials(app);
                List<String> people = new ArrayList<>();
                people.add(Benchmark.LEADER);
                for (int i = 0; people.size() < members && i < units.size(); i++) {
                    people.add(units.get(i) + ".bench-head");
                }
                Benchmark.Http basic = new Benchmark.Http(port);
                StringBuilder json = new StringBuilder("{\"title\":\"Lãnh đạo TP với chủ tịch phường, xã\",\"members\":[");
                for (int i = 1; i < people.size(); i++) {
                    json.append(i > 1 ? "," : "").append('"').append(people.get(i)).append('"');
                }
                HttpResponse<String> group = basic.post("/api/chat/groups", json.append("]}").toString(), Benchmark.LEADER);
                if (group.statusCode() != 201) {
                    throw new IllegalStateException("group: " + group.statusCode() + " " + group.body());
                }
                Matcher idMatch = ID.matcher(group.body());
                idMatch.find();
                long conversation = Long.parseLong(idMatch.group(1));
                r.put("group members", people.size() + " (the leader and unit heads)");

                Benchmark.log("chat: signing in " + people.size() + " members and opening their live streams");
                Map<Long, Long> sentAt = new ConcurrentHashMap<>();
                List<long[]> arrivals = Collections.synchronizedList(new ArrayList<>());
                AtomicLong deliveries = new AtomicLong();
                CountDownLatch ready = new CountDownLatch(people.size());
                ExecutorService readers = Executors.newFixedThreadPool(people.size());
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build();
                List<InputStream> streams = Collections.synchronizedList(new ArrayList<>());
                for (String person : people) {
                    String cookie = login(client, port, person);
                    HttpResponse<InputStream> stream = client.send(HttpRequest.newBuilder(
                                    URI.create("http://localhost:" + port + "/tro-chuyen/su-kien"))
                            .header("Cookie", cookie).header("Accept", "text/event-stream").GET().build(),
                            HttpResponse.BodyHandlers.ofInputStream());
                    if (stream.statusCode() != 200) {
                        throw new IllegalStateException("stream of " + person + ": " + stream.statusCode());
                    }
                    streams.add(stream.body());
                    readers.submit(() -> read(stream.body(), ready, arrivals, deliveries));
                }
                if (!ready.await(120, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("streams not ready");
                }
                r.put("live streams open", String.valueOf(people.size()));

                Benchmark.log("chat: warm-up, " + warmUpMessages + " messages");
                send(basic, people, conversation, warmUpMessages, rate, sentAt, new ArrayList<>());
                awaitDeliveries(deliveries, (long) warmUpMessages * people.size(), Duration.ofSeconds(60));
                sentAt.clear();
                deliveries.set(0);

                int total = rate * seconds;
                Benchmark.log("chat: " + total + " messages at " + rate + "/s for " + seconds + " s");
                List<Long> postTimes = Collections.synchronizedList(new ArrayList<>());
                long began = System.nanoTime();
                int failed = send(basic, people, conversation, total, rate, sentAt, postTimes);
                long sendingTook = System.nanoTime() - began;
                long expected = (long) (total - failed) * people.size();
                awaitDeliveries(deliveries, expected, Duration.ofSeconds(60));
                r.put("messages sent", total + " in " + Benchmark.seconds(sendingTook) + " s (" + failed + " failed)"
                        + " by " + people.size() + " members in turn, " + rate + "/s scheduled");
                List<Long> sorted = new ArrayList<>();
                List<Long> fromServer = new ArrayList<>();
                long measured = 0;
                synchronized (arrivals) {
                    for (long[] arrival : arrivals) {
                        Long sent = sentAt.get(arrival[0]);
                        if (sent != null) {
                            sorted.add(arrival[1] - sent);
                            fromServer.add(arrival[2] * 1_000_000L);
                            measured++;
                        }
                    }
                }
                Collections.sort(sorted);
                r.put("deliveries (message x member)", deliveries.get() + " events, of which " + measured
                        + " of the measured messages, " + expected + " expected");

                r.put("delivery latency p50 / p99 ms", Benchmark.percentiles(sorted) + " (from just before the POST)");
                r.put("delivery latency max ms", sorted.isEmpty() ? "n/a"
                        : Benchmark.fmt(sorted.get(sorted.size() - 1) / 1e6));
                long under = sorted.stream().filter(n -> n < 1_000_000_000L).count();
                r.put("deliveries under 1 s", sorted.isEmpty() ? "n/a"
                        : Benchmark.fmt(100.0 * under / sorted.size()) + " %");
                Collections.sort(fromServer);
                r.put("server timestamp -> arrival p50 / p99 ms", Benchmark.percentiles(fromServer)
                        + " (from the message's created_at, set in the POST's transaction before commit)");
                r.put("POST message p50 / p99 ms", Benchmark.percentiles(postTimes));
                streams.forEach(s -> {
                    try {
                        s.close();
                    } catch (Exception ignored) {
                        // closing anyway
                    }
                });
                readers.shutdownNow();
            } finally {
                app.close();
            }
            r.put("load average after", Files.readString(Path.of("/proc/loadavg")).trim());
        }
        return r;
    }

    /** Posts {@code count} messages at {@code rate} per second, authors in turn; returns how many failed. */
    private int send(Benchmark.Http basic, List<String> people, long conversation, int count, int rate,
                     Map<Long, Long> sentAt, List<Long> postTimes) throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(16);
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        long period = 1_000_000_000L / rate;
        for (int i = 0; i < count; i++) {
            int n = i;
            scheduler.schedule(() -> {
                try {
                    String author = people.get(n % people.size());
                    long start = System.nanoTime();
                    HttpResponse<String> posted = basic.post("/api/chat/conversations/" + conversation + "/messages",
                            "{\"text\":\"Tin số " + n + ": đề nghị báo cáo tiến độ trước 16 giờ\"}", author);
                    long end = System.nanoTime();
                    if (posted.statusCode() != 201) {
                        failed.incrementAndGet();
                        return;
                    }
                    Matcher m = ID.matcher(posted.body());
                    m.find();
                    // the event may arrive before the answer: the reader waits for the send time
                    sentAt.put(Long.parseLong(m.group(1)), start);
                    postTimes.add(end - start);
                } catch (Exception e) {
                    failed.incrementAndGet();
                } finally {
                    done.countDown();
                }
            }, n * period, TimeUnit.NANOSECONDS);
        }
        done.await(10, TimeUnit.MINUTES);
        scheduler.shutdownNow();
        return failed.get();
    }

    /** Records each chat event's arrival (message id, time); counts them. */
    private static void read(InputStream body, CountDownLatch ready, List<long[]> arrivals, AtomicLong deliveries) {
        Pattern id = Pattern.compile("\"id\":(\\d+)");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String event = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("data:") && event != null) {
                    long now = System.nanoTime();
                    if ("ready".equals(event)) {
                        ready.countDown();
                    } else if ("chat".equals(event)) {
                        Matcher m = id.matcher(line);
                        Matcher at = AT.matcher(line);
                        if (m.find()) {
                            long wall = System.currentTimeMillis();
                            long stamped = at.find() ? java.time.OffsetDateTime.parse(at.group(1)).toInstant()
                                    .toEpochMilli() : wall;
                            arrivals.add(new long[] {Long.parseLong(m.group(1)), now, wall - stamped});
                            deliveries.incrementAndGet();
                        }
                    }
                } else if (line.isEmpty()) {
                    event = null;
                }
            }
        } catch (Exception ignored) {
            // stream closed at the end
        }
    }

    private static void awaitDeliveries(AtomicLong deliveries, long expected, Duration grace) throws InterruptedException {
        long until = System.nanoTime() + grace.toNanos();
        while (deliveries.get() < expected && System.nanoTime() < until) {
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }

    private static String login(HttpClient client, int port, String user) throws Exception {
        String base = "http://localhost:" + port;
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/dang-nhap")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(page, null);
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF field on the login page");
        }
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(Benchmark.PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(base + "/dang-nhap"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (posted.statusCode() != 302) {
            throw new IllegalStateException("login of " + user + ": " + posted.statusCode());
        }
        return cookie(posted, cookie);
    }

    private static String cookie(HttpResponse<?> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).findFirst()
                .orElse(previous);
    }
}
