package vn.dieuhanh.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;
import javax.sql.DataSource;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The leaders' dashboard benchmark of issue 16 (a command that prints figures, not a test). It starts the application
 * in its {@code postgres} profile on an embedded PostgreSQL server, registers a head and an officer for every unit of
 * the directory (190 units) and a City PC leader, starts {@code bench.seeds} assignments through
 * {@code POST /api/assignments}, then clones their {@code asg_assignment} rows by SQL (like {@link Cloner}, without the
 * engine's rows, which no dashboard view reads) to {@code bench.dashboardAssignments} assignments spread over the units,
 * the sources, fourteen months of deadlines and the four buckets. It then renders every dashboard view
 * {@code bench.renders} times, one request at a time, through HTTP with a session login (pages) or HTTP Basic (JSON),
 * and prints p50/p99 of the time to the last byte on the same machine (so: server time plus a local round trip), and the
 * bytes a phone transfers for {@code /dieu-hanh}.
 * <p>
 * Run: {@code mvn -o -q -Pbenchmark test-compile exec:exec -Dbench.main=vn.dieuhanh.benchmark.DashboardBenchmark}
 * (README, "Performance"; docs/performance.md, "Leaders' dashboard").
 */
public final class DashboardBenchmark {

    final int assignments = Integer.getInteger("bench.dashboardAssignments", 100_000);
    final int seeds = Integer.getInteger("bench.seeds", 200);
    final int renders = Integer.getInteger("bench.renders", 100);
    final int warmUp = Integer.getInteger("bench.warmUp", 20);

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Benchmark.printAndExit("Điều Hành leaders' dashboard benchmark (issue 16)", "dashboard-benchmark.txt", new DashboardBenchmark().run());
    }

    Map<String, String> run() throws Exception {
        Map<String, String> r = new LinkedHashMap<>();
        Benchmark base = new Benchmark();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            Benchmark.putMachine(r, db, "embedded, same machine");
            Benchmark.log("dashboard: starting the application");
            ConfigurableApplicationContext app = base.start(postgres.getJdbcUrl("postgres", "postgres"), false, false);
            try {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                List<String> units = base.registerOfficials(app);
                Benchmark.Http basic = new Benchmark.Http(port);
                Benchmark.log("dashboard: " + seeds + " assignments through POST /api/assignments");
                for (int i = 0; i < seeds; i++) {
                    String unit = units.get(i % units.size());
                    HttpResponse<String> created = basic.post("/api/assignments", "{\"unitCode\":\"" + unit
                            + "\",\"title\":\"Nhiệm vụ đo bảng điều hành " + i + "\",\"description\":\"Kiểm tra, báo cáo"
                            + "\",\"deadlineWorkingDays\":" + (3 + i % 30) + "}", Benchmark.LEADER);
                    if (created.statusCode() != 201) {
                        throw new IllegalStateException("seed failed: " + created.statusCode() + " " + created.body());
                    }
                }
                long began = System.nanoTime();
                long rows = load(db);
                r.put("assignments", Benchmark.queryLong(db, "SELECT count(*) FROM asg_assignment") + " (" + seeds
                        + " through REST + " + rows + " SQL clones, loaded in " + Benchmark.seconds(System.nanoTime()
                        - began) + " s incl. ANALYZE)");
                r.put("units", Benchmark.queryLong(db, "SELECT count(*) FROM org_unit WHERE active") + " active ("
                        + Benchmark.queryLong(db, "SELECT count(DISTINCT unit_code) FROM asg_assignment")
                        + " with assignments)");
                r.put("buckets now (on time / late / open within / overdue)", Benchmark.queryString(db,
                        "SELECT sum(CASE WHEN completed_at <= deadline THEN 1 ELSE 0 END) || ' / '"
                                + " || sum(CASE WHEN completed_at > deadline THEN 1 ELSE 0 END) || ' / '"
                                + " || sum(CASE WHEN completed_at IS NULL AND deadline >= now() THEN 1 ELSE 0 END)"
                                + " || ' / ' || sum(CASE WHEN completed_at IS NULL AND deadline < now() THEN 1 ELSE 0 END)"
                                + " FROM asg_assignment WHERE cancelled_at IS NULL"));
                measure(port, units, r);
            } finally {
                app.close();
            }
            r.put("load average after", Files.readString(Path.of("/proc/loadavg")).trim());
        }
        return r;
    }

    /** Clones the seeds' rows, each clone given a random unit, source, deadline, outcome and assigner. */
    long load(DataSource db) throws Exception {
        long before = Benchmark.queryLong(db, "SELECT count(*) FROM asg_assignment");
        int clones = (int) Math.max(0, assignments - before);
        Benchmark.exec(db,
                "CREATE TEMP TABLE bench_unit AS SELECT row_number() OVER (ORDER BY code) AS n, code FROM org_unit"
                        + " WHERE active AND kind <> 'CITY_LEADERSHIP'",
                "CREATE TEMP TABLE bench_seed AS SELECT row_number() OVER (ORDER BY id) - 1 AS n, * FROM asg_assignment",
                "CREATE TEMP TABLE bench_pick AS SELECT g,"
                        + " 1 + floor(random() * (SELECT count(*) FROM bench_unit))::int AS un,"
                        + " floor(random() * (SELECT count(*) FROM bench_seed))::int AS sn,"
                        + " random() AS r_source, random() AS r_done, random() AS r_late, random() AS r_cancel,"
                        + " now() - interval '300 days' + (random() * 420) * interval '1 day' AS deadline,"
                        + " 3 + floor(random() * 60)::int AS lead_days"
                        + " FROM generate_series(1, " + clones + ") g",
                "INSERT INTO asg_assignment (id, directive_id, lead_assignment_id, role, source, urgency, unit_code,"
                        + " title, description, assigned_by, reviewer, holder_group, holder_user, deadline, created_at,"
                        + " result_summary, completed_at, cancelled_at, process_instance_id, due_soon_working_days,"
                        + " due_soon_from)"
                        + " SELECT s.id || '-c' || p.g, NULL, NULL, s.role,"
                        + " CASE WHEN p.r_source < 0.15 THEN 'CENTRAL' WHEN p.r_source < 0.35 THEN 'CITY_PARTY_COMMITTEE'"
                        + "      WHEN p.r_source < 0.65 THEN 'CITY_PEOPLES_COMMITTEE' ELSE 'INSTANT' END,"
                        + " s.urgency, u.code, s.title, s.description,"
                        + " CASE WHEN p.r_source < 0.65 THEN 'bench.chair' ELSE u.code || '.bench-head' END,"
                        + " CASE WHEN p.r_source < 0.65 THEN 'bench.chair' ELSE u.code || '.bench-head' END,"
                        + " u.code, NULL, p.deadline, p.deadline - p.lead_days * interval '1 day', NULL,"
                        // past deadlines: 85 % completed (75 % of them on time); future ones: 30 % completed early
                        + " CASE WHEN p.deadline < now() AND p.r_done < 0.85 THEN"
                        + "        CASE WHEN p.r_late < 0.75 THEN p.deadline - interval '1 day' ELSE p.deadline + interval '3 days' END"
                        + "      WHEN p.deadline >= now() AND p.r_done < 0.30 THEN now() - interval '1 day' END,"
                        + " CASE WHEN p.r_cancel < 0.02 THEN p.deadline - interval '2 days' END,"
                        + " NULL, 2, p.deadline - interval '3 days'"
                        + " FROM bench_pick p JOIN bench_seed s ON s.n = p.sn JOIN bench_unit u ON u.n = p.un",
                "UPDATE asg_assignment SET completed_at = NULL WHERE completed_at > now()",
                // the clones bypass the application, which keeps the closed tally as rows close: recount it as
                // migration V16 does for existing rows
                "DELETE FROM asg_closed_tally",
                "INSERT INTO asg_closed_tally (unit_code, holder_user, source, assigned_by, on_time, late, cancelled)"
                        + " SELECT unit_code, COALESCE(holder_user, ''), source, assigned_by,"
                        + " SUM(CASE WHEN cancelled_at IS NULL AND completed_at <= deadline THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN cancelled_at IS NULL AND completed_at > deadline THEN 1 ELSE 0 END),"
                        + " SUM(CASE WHEN cancelled_at IS NOT NULL THEN 1 ELSE 0 END) FROM asg_assignment"
                        + " WHERE completed_at IS NOT NULL OR cancelled_at IS NOT NULL"
                        + " GROUP BY unit_code, COALESCE(holder_user, ''), source, assigned_by",
                "VACUUM ANALYZE asg_assignment",
                "VACUUM ANALYZE asg_closed_tally");
        return clones;
    }

    void measure(int port, List<String> units, Map<String, String> r) throws Exception {
        String ward = units.stream().filter(u -> u.startsWith("phuong-")).findFirst().orElseThrow();
        String month = YearMonth.now().toString();
        String lastMonth = YearMonth.now().minusMonths(1).toString();
        String quarter = YearMonth.now().getYear() + "-Q" + ((YearMonth.now().getMonthValue() - 1) / 3 + 1);
        Benchmark.Http basic = new Benchmark.Http(port);
        Session leader = new Session(port, Benchmark.LEADER);
        Session head = new Session(port, ward + ".bench-head");
        Map<String, View> views = new LinkedHashMap<>();
        views.put("GET /api/assignments/dashboard (City PC leader, JSON)",
                () -> basic.get("/api/assignments/dashboard", Benchmark.LEADER));
        views.put("GET /api/assignments/dashboard (a ward head, JSON)",
                () -> basic.get("/api/assignments/dashboard", ward + ".bench-head"));
        if (leader.ok) {
            views.put("GET /dieu-hanh (City PC leader, whole page)", () -> leader.get("/dieu-hanh"));
            views.put("GET /dieu-hanh?loai=ward&nguon=INSTANT&ky=<quarter> (htmx fragment)",
                    () -> leader.htmx("/dieu-hanh?loai=ward&nguon=INSTANT&ky=" + quarter));
            views.put("GET /dieu-hanh?sap-xep=overdue (units sorted, htmx fragment)",
                    () -> leader.htmx("/dieu-hanh?sap-xep=overdue&giam=true"));
            views.put("GET /dieu-hanh (a ward head, whole page)", () -> head.get("/dieu-hanh"));
            views.put("GET /xep-hang?ky=<month> (KPI ranking)", () -> leader.get("/xep-hang?ky=" + month));
            views.put("GET /chi-tieu?ky=<last month> (indicator table)", () -> leader.get("/chi-tieu?ky=" + lastMonth));
            views.put("GET /giao-viec/don-vi?q=thanh+an (unit search)",
                    () -> leader.htmx("/giao-viec/don-vi?q=" + URLEncoder.encode("thanh an", StandardCharsets.UTF_8)));
        } else {
            r.put("pages", "not measured: the session login at /dang-nhap did not succeed (" + leader.why + ")");
        }
        for (Map.Entry<String, View> view : views.entrySet()) {
            Benchmark.log("dashboard: " + view.getKey());
            List<Long> times = new ArrayList<>();
            int errors = 0;
            String failure = null;
            for (int i = 0; i < warmUp + renders; i++) {
                long s = System.nanoTime();
                HttpResponse<String> response = view.getValue().call();
                long t = System.nanoTime() - s;
                if (response.statusCode() != 200) {
                    errors++;
                    failure = response.statusCode() + " " + response.body().substring(0,
                            Math.min(200, response.body().length()));
                } else if (i >= warmUp) {
                    times.add(t);
                }
            }
            r.put(view.getKey() + ", p50/p99 ms", Benchmark.percentiles(times) + " (" + renders + " renders after "
                    + warmUp + " warm-up" + (errors > 0 ? "; " + errors + " errors, e.g. " + failure : "") + ")");
        }
        if (leader.ok) {
            pageWeight(leader, r);
        }
    }

    /** The bytes a phone loads for /dieu-hanh on a first visit: the page and every script and style sheet it names. */
    void pageWeight(Session session, Map<String, String> r) throws Exception {
        HttpResponse<String> page = session.get("/dieu-hanh");
        byte[] html = page.body().getBytes(StandardCharsets.UTF_8);
        long raw = html.length;
        long gzip = gzip(html);
        Set<String> assets = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?:src|href)=\"(/(?:app|webjars)/[^\"]+\\.(?:js|css))\"").matcher(page.body());
        while (m.find()) {
            assets.add(m.group(1));
        }
        StringBuilder detail = new StringBuilder("HTML " + kb(raw));
        for (String asset : assets) {
            HttpResponse<byte[]> response = session.bytes(asset);
            raw += response.body().length;
            gzip += gzip(response.body());
            detail.append(", ").append(asset.replaceAll(".*/", "")).append(' ').append(kb(response.body().length));
        }
        r.put("/dieu-hanh page weight, first visit (as served / if gzip-compressed)", kb(raw) + " / " + kb(gzip) + " ("
                + detail + ")");
        r.put("/dieu-hanh page weight, later visits (HTML only; shell and scripts from the cache)", kb(html.length)
                + " / " + kb(gzip(html)));
    }

    static long gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        }
        return out.size();
    }

    static String kb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    interface View {
        HttpResponse<String> call() throws Exception;
    }

    /** A browser-like session: logs in at /dang-nhap with the CSRF token of the login page, keeps the cookie. */
    static final class Session {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new java.net.CookieManager()).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        final String base;
        boolean ok;
        String why;

        Session(int port, String user) throws Exception {
            base = "http://localhost:" + port;
            HttpResponse<String> login = get("/dang-nhap");
            Matcher token = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(login.body());
            if (login.statusCode() != 200 || !token.find()) {
                why = "GET /dang-nhap " + login.statusCode();
                return;
            }
            String form = "username=" + enc(user) + "&password=" + enc(Benchmark.PASSWORD) + "&_csrf="
                    + enc(token.group(1));
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(base + "/dang-nhap"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            ok = posted.statusCode() == 302 || posted.statusCode() == 303;
            why = "POST /dang-nhap " + posted.statusCode();
        }

        static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> htmx(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("HX-Request", "true").GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET()
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
        }
    }
}
