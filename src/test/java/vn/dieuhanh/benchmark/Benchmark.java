package vn.dieuhanh.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dieuhanh.DieuHanhApplication;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * The benchmark command of issue 15 (not a test: nothing here asserts a time). It starts the application in its
 * production profile on an embedded PostgreSQL server, registers a head and an officer for every unit of the
 * directory, and measures, for the project's settings and (optionally) stock Camunda settings on a fresh database:
 * <ol>
 * <li>assignment starts through {@code POST /api/assignments} by concurrent clients, against a TPC-B loop over JDBC
 * on the same server;</li>
 * <li>the asynchronous continuations those starts leave for the job executor;</li>
 * <li>task completions ({@code POST /api/assignments/{id}/report}) with N assignments open;</li>
 * <li>the timer drain: due dates of pending alert timers moved to "now", how fast the job executor fires them;</li>
 * <li>the main reads;</li>
 * <li>start-up time and resident memory.</li>
 * </ol>
 * The N open assignments are the ones started through the REST API plus copies of them made by SQL (every id given a
 * suffix), which is how the volume is loaded fast; the table says how many of each. Run it with
 * {@code mvn -o -q -Pbenchmark test-compile exec:exec} (README, "Performance").
 */
public final class Benchmark {

    static final String PASSWORD = "Do-Hieu-Nang-2026!";
    static final String LEADER = "bench.chair";

    // ---- configuration (system properties, see README) ----
    final int assignments = Integer.getInteger("bench.assignments", 20_000);
    final int clients = Integer.getInteger("bench.clients", 8);
    final int startSeconds = Integer.getInteger("bench.startSeconds", 20);
    final int tpcbSeconds = Integer.getInteger("bench.tpcbSeconds", 15);
    final int tpcbScale = Integer.getInteger("bench.tpcbScale", 8);
    final int completions = Integer.getInteger("bench.completions", 400);
    final int reads = Integer.getInteger("bench.reads", 200);
    final int timers = Integer.getInteger("bench.timers", 2_000);
    final int drainTimeoutSeconds = Integer.getInteger("bench.drainTimeoutSeconds", 180);
    final boolean cloneHistory = Boolean.parseBoolean(System.getProperty("bench.cloneHistory", "true"));
    final boolean durable = Boolean.parseBoolean(System.getProperty("bench.durable", "false"));
    final List<String> variants = List.of(System.getProperty("bench.variants", "project,stock").split(","));

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Benchmark benchmark = new Benchmark();
        if (args.length == 2) {
            // a child: one variant in a JVM of its own, so start-up, memory and JIT are not shared between variants
            Map<String, String> facts = new LinkedHashMap<>();
            Map<String, String> result = benchmark.run(args[0], facts);
            List<String> lines = new ArrayList<>();
            facts.forEach((k, v) -> lines.add("F\t" + k + "\t" + v));
            result.forEach((k, v) -> lines.add("R\t" + k + "\t" + v));
            Files.write(Path.of(args[1]), lines, StandardCharsets.UTF_8);
            System.exit(0);
        }
        Map<String, Map<String, String>> results = new LinkedHashMap<>();
        Map<String, String> facts = new LinkedHashMap<>();
        String loadBefore = Files.readString(Path.of("/proc/loadavg")).trim();
        for (String variant : benchmark.variants) {
            results.put(variant.trim(), child(variant.trim(), facts));
        }
        facts.put("load average before / after", loadBefore + " / " + Files.readString(Path.of("/proc/loadavg")).trim());
        String table = print(facts, results);
        System.out.println(table);
        Path out = Path.of("target/performance/benchmark.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("(also written to " + out + ")");
        System.exit(0);
    }

    /** Runs one variant in a new JVM with this JVM's options and class path; reads its facts and results back. */
    static Map<String, String> child(String variant, Map<String, String> facts) throws Exception {
        Path out = Files.createTempFile("bench-" + variant, ".tsv");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Benchmark.class.getName(), variant,
                out.toString()));
        int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
        if (exit != 0) {
            throw new IllegalStateException("variant " + variant + " failed (exit " + exit + ")");
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t", 3);
            (parts[0].equals("F") ? facts : result).putIfAbsent(parts[1], parts[2]);
        }
        Files.delete(out);
        return result;
    }

    // ---------------------------------------------------------------------------------------------------------------

    Map<String, String> run(String variant, Map<String, String> facts) throws Exception {
        boolean stock = variant.equals("stock");
        boolean year = variant.equals("year");
        Map<String, String> r = new LinkedHashMap<>();
        log("=== " + variant + ": starting PostgreSQL");
        long t0 = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (year || Boolean.getBoolean("bench.pgss")) {
            // statements counted by the server, whatever thread or connection sent them (SimulatedYear reports them)
            builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        if (durable) {
            // zonky's defaults are fsync=off, synchronous_commit=off; production commits to disk
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        try (EmbeddedPostgres postgres = builder.start()) {
            r.put("PostgreSQL start (s)", seconds(System.nanoTime() - t0));
            String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
            DataSource db = postgres.getPostgresDatabase();
            facts.putIfAbsent("cores (JVM availableProcessors)", String.valueOf(Runtime.getRuntime().availableProcessors()));
            facts.putIfAbsent("Java", System.getProperty("java.vm.name") + " " + Runtime.version()
                    + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
            facts.putIfAbsent("PostgreSQL", queryString(db, "SELECT version()").replaceAll(" on .*", "")
                    + " (zonky embedded, same machine); fsync=" + queryString(db, "SHOW fsync")
                    + ", synchronous_commit=" + queryString(db, "SHOW synchronous_commit")
                    + ", shared_buffers=" + queryString(db, "SHOW shared_buffers"));
            facts.putIfAbsent("sizes", "open assignments N=" + assignments + ", clients=" + clients
                    + ", start phase " + startSeconds + " s, completions=" + completions + ", timers moved="
                    + timers + ", reads per endpoint=" + reads + ", TPC-B scale " + tpcbScale + " for "
                    + tpcbSeconds + " s");

            log("=== " + variant + ": starting the application");
            long started = System.nanoTime();
            ConfigurableApplicationContext app = start(jdbcUrl, stock, year);
            r.put("application start-up (s)", seconds(System.nanoTime() - started));
            System.gc();
            r.put("JVM RSS after start (MiB)", String.valueOf(rssMiB("VmRSS")));
            try {
                if (stock) {
                    // The project's indexes on Camunda's tables come from a migration, not a switch: remove them.
                    exec(db, "DROP INDEX IF EXISTS dh_act_ru_job_duedate", "DROP INDEX IF EXISTS dh_act_ru_job_lock_exp",
                            "DROP INDEX IF EXISTS dh_act_ru_task_parent");
                }
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                List<String> units = registerOfficials(app);
                facts.putIfAbsent("organisation", (units.size() + 1) + " units (directory import), " + (2 * units.size() + 1)
                        + " officials registered through OfficialAccounts (a head and an officer per unit, a City PC leader)");
                Http http = new Http(port);
                if (year) {
                    exec(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    new SimulatedYear().run(app, http, db, units, r);
                    authorizations(db, r, "end of the year");
                    r.put("JVM peak RSS, VmHWM (MiB)", String.valueOf(rssMiB("VmHWM")));
                    return r;
                }

                double tpcb = tpcb(postgres, r);
                starts(http, units, db, r, tpcb);
                asyncDrain(db, r);
                load(db, r);
                reads(http, units, r);
                completions(http, db, r);
                timerDrain(db, r);
                authorizations(db, r, "at the end");
                SimulatedYear.perProcess(db, r);
                r.put("failed jobs / incidents at the end", queryLong(db,
                        "SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL") + " / "
                        + queryLong(db, "SELECT count(*) FROM act_ru_incident"));
                r.put("JVM peak RSS, VmHWM (MiB)", String.valueOf(rssMiB("VmHWM")));
            } finally {
                app.close();
            }
        }
        return r;
    }

    ConfigurableApplicationContext start(String jdbcUrl, boolean stock, boolean year) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.profiles.active=postgres",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN",
                "--logging.structured.format.console=",
                "--dieuhanh.admin.password=" + PASSWORD,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres"));
        if (year) {
            // the simulated year runs the due jobs itself on the engine clock, in order (reproducible)
            arguments.add("--camunda.bpm.job-execution.enabled=false");
            // the relay delivers in wall time (50 every 2 s by default) while the year makes a day's notifications in
            // a fraction of a second; larger, more frequent batches let the inbox catch up before the checksum reads it
            arguments.add("--dieuhanh.notifications.relay-interval=200ms");
            arguments.add("--dieuhanh.notifications.batch-size=500");
        }
        if (stock) {
            // Camunda's defaults where the project changes them (application.yaml, "scale")
            arguments.addAll(List.of(
                    "--camunda.bpm.job-execution.wait-time-in-millis=5000",
                    "--camunda.bpm.job-execution.max-wait=60000",
                    "--camunda.bpm.job-execution.max-jobs-per-acquisition=3",
                    "--camunda.bpm.generic-properties.properties.jobExecutorAcquireByDueDate=false",
                    // Camunda's full history for every process, not the project's dieuhanh-audit (docs/history.md)
                    "--camunda.bpm.history-level=full"));
        }
        return new SpringApplicationBuilder(DieuHanhApplication.class).run(arguments.toArray(String[]::new));
    }

    List<String> registerOfficials(ConfigurableApplicationContext app) throws SQLException {
        DataSource ds = app.getBean(DataSource.class);
        OfficialAccounts accounts = app.getBean(OfficialAccounts.class);
        List<String> units = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT code FROM org_unit WHERE code <> 'ubnd-tp' ORDER BY code")) {
            while (rs.next()) {
                units.add(rs.getString(1));
            }
        }
        accounts.register(new Official(LEADER, "Chủ tịch UBND TP (benchmark)", null, "ubnd-tp", null, Role.LEADER),
                PASSWORD);
        for (String unit : units) {
            accounts.register(new Official(unit + ".bench-head", "Thủ trưởng " + unit, null, unit, null, Role.HEAD),
                    PASSWORD);
            accounts.register(new Official(unit + ".bench-officer", "Chuyên viên " + unit, null, unit, null,
                    Role.OFFICER), PASSWORD);
        }
        return units;
    }

    // ---- (a) TPC-B over JDBC, and assignment starts through REST ----

    double tpcb(EmbeddedPostgres postgres, Map<String, String> r) throws Exception {
        exec(postgres.getPostgresDatabase(), "CREATE DATABASE bench_tpcb");
        DataSource db = postgres.getDatabase("postgres", "bench_tpcb");
        log("TPC-B: loading scale " + tpcbScale);
        exec(db, "CREATE TABLE pgbench_branches (bid int PRIMARY KEY, bbalance int, filler char(88)) WITH (fillfactor=100)",
                "CREATE TABLE pgbench_tellers (tid int PRIMARY KEY, bid int, tbalance int, filler char(84)) WITH (fillfactor=100)",
                "CREATE TABLE pgbench_accounts (aid int, bid int, abalance int, filler char(84)) WITH (fillfactor=100)",
                "CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))",
                "INSERT INTO pgbench_branches SELECT g, 0 FROM generate_series(1, " + tpcbScale + ") g",
                "INSERT INTO pgbench_tellers SELECT g, (g - 1) / 10 + 1, 0 FROM generate_series(1, " + 10 * tpcbScale + ") g",
                "INSERT INTO pgbench_accounts SELECT g, (g - 1) / 100000 + 1, 0, '' FROM generate_series(1, "
                        + 100_000 * tpcbScale + ") g",
                "ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)",
                "VACUUM ANALYZE");
        log("TPC-B: " + clients + " clients for " + tpcbSeconds + " s");
        long end = System.nanoTime() + tpcbSeconds * 1_000_000_000L;
        List<Long> latencies = new ArrayList<>();
        long began = System.nanoTime();
        int done = parallel(clients, i -> () -> {
            int n = 0;
            List<Long> mine = new ArrayList<>();
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                PreparedStatement a = c.prepareStatement("UPDATE pgbench_accounts SET abalance = abalance + ? WHERE aid = ?");
                PreparedStatement sel = c.prepareStatement("SELECT abalance FROM pgbench_accounts WHERE aid = ?");
                PreparedStatement t = c.prepareStatement("UPDATE pgbench_tellers SET tbalance = tbalance + ? WHERE tid = ?");
                PreparedStatement b = c.prepareStatement("UPDATE pgbench_branches SET bbalance = bbalance + ? WHERE bid = ?");
                PreparedStatement h = c.prepareStatement(
                        "INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP)");
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    long s = System.nanoTime();
                    int aid = random.nextInt(1, 100_000 * tpcbScale + 1);
                    int tid = random.nextInt(1, 10 * tpcbScale + 1);
                    int bid = random.nextInt(1, tpcbScale + 1);
                    int delta = random.nextInt(-5000, 5001);
                    a.setInt(1, delta); a.setInt(2, aid); a.executeUpdate();
                    sel.setInt(1, aid); try (ResultSet rs = sel.executeQuery()) { rs.next(); }
                    t.setInt(1, delta); t.setInt(2, tid); t.executeUpdate();
                    b.setInt(1, delta); b.setInt(2, bid); b.executeUpdate();
                    h.setInt(1, tid); h.setInt(2, bid); h.setInt(3, aid); h.setInt(4, delta); h.executeUpdate();
                    c.commit();
                    mine.add(System.nanoTime() - s);
                    n++;
                }
            }
            synchronized (latencies) {
                latencies.addAll(mine);
            }
            return n;
        });
        double tps = done / ((System.nanoTime() - began) / 1e9);
        r.put("TPC-B tps over JDBC (" + clients + " clients), p50/p99 ms", fmt(tps) + ", " + percentiles(latencies));
        return tps;
    }

    void starts(Http http, List<String> units, DataSource db, Map<String, String> r, double tpcb) throws Exception {
        log("starts: " + clients + " clients for " + startSeconds + " s");
        long end = System.nanoTime() + startSeconds * 1_000_000_000L;
        List<Long> latencies = new ArrayList<>();
        AtomicInteger errors = new AtomicInteger();
        long began = System.nanoTime();
        int done = parallel(clients, i -> () -> {
            int n = 0;
            List<Long> mine = new ArrayList<>();
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < end) {
                String unit = units.get(random.nextInt(units.size()));
                String body = "{\"unitCode\":\"" + unit + "\",\"title\":\"Nhiệm vụ đo hiệu năng " + i + "-" + n
                        + "\",\"description\":\"Kiểm tra, báo cáo kết quả\",\"deadlineWorkingDays\":"
                        + random.nextInt(3, 40) + "}";
                long s = System.nanoTime();
                HttpResponse<String> response = http.post("/api/assignments", body, LEADER);
                mine.add(System.nanoTime() - s);
                if (response.statusCode() == 201) {
                    n++;
                } else if (errors.incrementAndGet() <= 3) {
                    log("start failed: " + response.statusCode() + " " + response.body());
                }
            }
            synchronized (latencies) {
                latencies.addAll(mine);
            }
            return n;
        });
        double perSecond = done / ((System.nanoTime() - began) / 1e9);
        r.put("(a) starts/s via POST /api/assignments (" + clients + " clients)", fmt(perSecond) + " (" + done
                + " started, " + errors.get() + " errors)");
        r.put("(a) start latency p50/p99 ms", percentiles(latencies));
        r.put("(a) starts/s ÷ TPC-B tps", String.format(Locale.ROOT, "%.4f (1 : %.0f)", perSecond / tpcb, tpcb / perSecond));
    }

    /** Polls the database every 100 ms until {@code done} or the deadline (then the caller reports what is left). */
    static void pollUntil(long deadlineNanos, java.util.concurrent.Callable<Boolean> done) {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            return;
        }
        try {
            org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ofMillis(100))
                    .pollInterval(java.time.Duration.ofMillis(100)).atMost(java.time.Duration.ofNanos(remaining))
                    .until(done);
        } catch (org.awaitility.core.ConditionTimeoutException notDrainedInTime) {
            // reported by the caller as "not drained in N s, M left"
        }
    }

    // ---- (b) asynchronous continuations left by the starts ----

    void asyncDrain(DataSource db, Map<String, String> r) throws Exception {
        String queued = "SELECT count(*) FROM act_ru_job WHERE type_ = 'message' AND retries_ > 0";
        long queue = queryLong(db, queued);
        long began = System.nanoTime();
        long executedBefore = queryLong(db, "SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 2");
        long deadline = began + drainTimeoutSeconds * 1_000_000_000L;
        pollUntil(deadline, () -> queryLong(db, queued) == 0);
        long left = queryLong(db, queued);
        double elapsed = (System.nanoTime() - began) / 1e9;
        long executed = queryLong(db, "SELECT count(*) FROM act_hi_job_log WHERE job_state_ = 2") - executedBefore;
        r.put("(b) async jobs queued when the start phase ends", String.valueOf(queue));
        r.put("(b) async drain after it, jobs/s (incl. jobs they create)", (left > 0 ? "not drained in " + drainTimeoutSeconds + " s, " + left
                + " left; " : "") + fmt(executed / elapsed) + " (" + executed + " jobs in " + fmt(elapsed) + " s)");
    }

    // ---- bulk load: copies of the started assignments ----

    void load(DataSource db, Map<String, String> r) throws Exception {
        long sample = queryLong(db, "SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'Task_HandleAssignment'");
        if (sample == 0) {
            throw new IllegalStateException("no open assignment to copy");
        }
        int copies = (int) Math.max(0, (assignments - sample + sample - 1) / sample);
        log("load: " + sample + " assignments started through REST, " + copies + " SQL copies of each");
        long began = System.nanoTime();
        long rows = Cloner.copy(db, copies, cloneHistory);
        exec(db, "VACUUM ANALYZE");
        double elapsed = (System.nanoTime() - began) / 1e9;
        long open = queryLong(db, "SELECT count(*) FROM act_ru_task WHERE task_def_key_ = 'Task_HandleAssignment'");
        r.put("open assignments (REST-started + SQL copies)", open + " (" + sample + " + " + (open - sample) + ")");
        r.put("bulk load by SQL copy (rows, s)", rows + " rows in " + fmt(elapsed) + " s"
                + (cloneHistory ? " (runtime and history" : " (runtime only") + ", incl. VACUUM ANALYZE)");
        r.put("rows: act_ru_job / act_ru_authorization / act_hi_varinst", queryLong(db, "SELECT count(*) FROM act_ru_job")
                + " / " + queryLong(db, "SELECT count(*) FROM act_ru_authorization") + " / "
                + queryLong(db, "SELECT count(*) FROM act_hi_varinst"));
        authorizations(db, r, "N open");
    }

    // ---- authorization rows and the per-command group query (issue 15) ----

    static final String ENGINE_GROUP_QUERY = "SELECT distinct(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A";
    static final String LOOSE_GROUP_QUERY = "WITH RECURSIVE G(ID) AS (SELECT MIN(A.GROUP_ID_) FROM ACT_RU_AUTHORIZATION A"
            + " UNION ALL SELECT (SELECT MIN(B.GROUP_ID_) FROM ACT_RU_AUTHORIZATION B WHERE B.GROUP_ID_ > G.ID)"
            + " FROM G WHERE G.ID IS NOT NULL) SELECT ID FROM G WHERE ID IS NOT NULL";

    /**
     * Rows of ACT_RU_AUTHORIZATION per open assignment, by resource and user/group grant; runtime task grants whose
     * task has ended (left behind); and the time of the group query every authorized command runs: Camunda's own
     * statement and the loose index scan the application maps it to on PostgreSQL (AuthorizedGroupIdsQuery).
     */
    void authorizations(DataSource db, Map<String, String> r, String when) throws SQLException {
        long open = queryLong(db, "SELECT count(*) FROM asg_assignment WHERE completed_at IS NULL AND cancelled_at IS NULL");
        long total = queryLong(db, "SELECT count(*) FROM act_ru_authorization");
        StringBuilder byResource = new StringBuilder();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT resource_type_, group_id_ IS NOT NULL, count(*) FROM act_ru_authorization GROUP BY 1, 2"
                        + " ORDER BY 3 DESC")) {
            while (rs.next()) {
                if (byResource.length() > 0) {
                    byResource.append(", ");
                }
                byResource.append(resourceName(rs.getInt(1))).append(rs.getBoolean(2) ? " group " : " user ")
                        .append(rs.getLong(3));
            }
        }
        r.put("authorizations (" + when + "): rows, per open assignment", total + ", " + fmt(total / (double) Math.max(open, 1))
                + " (" + open + " open)");
        r.put("authorizations (" + when + ") by resource", byResource.toString());
        r.put("authorizations (" + when + "): task grants of ended tasks", String.valueOf(queryLong(db,
                "SELECT count(*) FROM act_ru_authorization a WHERE resource_type_ = 7 AND resource_id_ <> '*'"
                        + " AND NOT EXISTS (SELECT 1 FROM act_ru_task t WHERE t.id_ = a.resource_id_)")));
        r.put("group query (" + when + "): engine's DISTINCT / loose index scan, median ms of 21",
                medianMillis(db, ENGINE_GROUP_QUERY) + " / " + medianMillis(db, LOOSE_GROUP_QUERY) + " ("
                        + queryLong(db, "SELECT count(DISTINCT group_id_) FROM act_ru_authorization") + " groups)");
    }

    static String resourceName(int type) {
        for (org.camunda.bpm.engine.authorization.Resources resource
                : org.camunda.bpm.engine.authorization.Resources.values()) {
            if (resource.resourceType() == type) {
                return resource.name();
            }
        }
        return String.valueOf(type);
    }

    static String medianMillis(DataSource db, String sql) throws SQLException {
        List<Long> nanos = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (int i = 0; i < 21; i++) {
                long t = System.nanoTime();
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                nanos.add(System.nanoTime() - t);
            }
        }
        nanos.sort(null);
        return fmt(nanos.get(10) / 1e6);
    }

    // ---- (e) main reads ----

    void reads(Http http, List<String> units, Map<String, String> r) throws Exception {
        String month = YearMonth.now().toString();
        String lastMonth = YearMonth.now().minusMonths(1).toString();
        Map<String, IntFunction<String[]>> endpoints = new LinkedHashMap<>();
        // {path, user}
        endpoints.put("(e) GET /api/assignments (a unit head's work list)", n -> new String[]{
                "/api/assignments?limit=100", units.get(n % units.size()) + ".bench-head"});
        endpoints.put("(e) GET /api/assignments/summary (a unit head)", n -> new String[]{
                "/api/assignments/summary", units.get(n % units.size()) + ".bench-head"});
        endpoints.put("(e) GET /api/assignments/summary (City PC leader, all)", n -> new String[]{
                "/api/assignments/summary", LEADER});
        endpoints.put("(e) GET /api/kpi/units?period=<month> (ranking)", n -> new String[]{
                "/api/kpi/units?period=" + month, LEADER});
        endpoints.put("(e) GET /api/indicators/table?period=<last month>", n -> new String[]{
                "/api/indicators/table?period=" + lastMonth, LEADER});
        for (Map.Entry<String, IntFunction<String[]>> endpoint : endpoints.entrySet()) {
            log("reads: " + endpoint.getKey());
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            List<Long> latencies = new ArrayList<>();
            long began = System.nanoTime();
            parallel(clients, i -> () -> {
                List<Long> mine = new ArrayList<>();
                int n;
                while ((n = next.getAndIncrement()) < reads) {
                    String[] call = endpoint.getValue().apply(n);
                    long s = System.nanoTime();
                    HttpResponse<String> response = http.get(call[0], call[1]);
                    mine.add(System.nanoTime() - s);
                    if (response.statusCode() != 200 && errors.incrementAndGet() <= 2) {
                        log("read failed: " + call[0] + " " + response.statusCode() + " " + response.body());
                    }
                }
                synchronized (latencies) {
                    latencies.addAll(mine);
                }
                return 0;
            });
            double perSecond = reads / ((System.nanoTime() - began) / 1e9);
            r.put(endpoint.getKey() + ", p50/p99 ms", percentiles(latencies) + " (" + fmt(perSecond) + "/s"
                    + (errors.get() > 0 ? ", " + errors.get() + " errors" : "") + ")");
        }
    }

    // ---- (c) task completions with N open ----

    void completions(Http http, DataSource db, Map<String, String> r) throws Exception {
        List<String[]> picks = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                // the official who holds it: the task's assignee (asg_assignment.holder_user is empty for a unit)
                "SELECT a.id, t.assignee_ FROM asg_assignment a JOIN act_ru_task t ON t.proc_inst_id_ ="
                        + " a.process_instance_id AND t.task_def_key_ = 'Task_HandleAssignment'"
                        + " WHERE t.assignee_ IS NOT NULL ORDER BY random() LIMIT ?")) {
            s.setInt(1, completions);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    picks.add(new String[]{rs.getString(1), rs.getString(2)});
                }
            }
        }
        log("completions: " + picks.size());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        List<Long> latencies = new ArrayList<>();
        long began = System.nanoTime();
        int done = parallel(clients, i -> () -> {
            List<Long> mine = new ArrayList<>();
            int ok = 0;
            int n;
            while ((n = next.getAndIncrement()) < picks.size()) {
                String[] pick = picks.get(n);
                long s = System.nanoTime();
                HttpResponse<String> response = http.post("/api/assignments/" + pick[0] + "/report",
                        "{\"result\":\"Đã hoàn thành, báo cáo kết quả\"}", pick[1]);
                mine.add(System.nanoTime() - s);
                if (response.statusCode() == 204) {
                    ok++;
                } else if (errors.incrementAndGet() <= 3) {
                    log("completion failed: " + response.statusCode() + " " + response.body());
                }
            }
            synchronized (latencies) {
                latencies.addAll(mine);
            }
            return ok;
        });
        double perSecond = done / ((System.nanoTime() - began) / 1e9);
        r.put("(c) task completions/s via POST …/report (" + clients + " clients)", fmt(perSecond) + " (" + done
                + " completed, " + errors.get() + " errors)");
        r.put("(c) completion latency p50/p99 ms", percentiles(latencies));
    }

    // ---- (d) timer drain ----

    void timerDrain(DataSource db, Map<String, String> r) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT id_ FROM act_ru_job WHERE handler_type_ = 'timer-intermediate-transition'"
                        + " AND lock_owner_ IS NULL ORDER BY random() LIMIT ?")) {
            s.setInt(1, timers);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        log("timers: moving " + ids.size() + " due dates to now");
        long pendingTimers = queryLong(db, "SELECT count(*) FROM act_ru_job WHERE handler_type_ LIKE 'timer%'");
        List<long[]> curve = new ArrayList<>(); // {nanos since due, remaining}
        long due;
        try (Connection c = db.getConnection()) {
            java.sql.Array array = c.createArrayOf("varchar", ids.toArray());
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE act_ru_job SET duedate_ = CURRENT_TIMESTAMP WHERE id_ = ANY (?)")) {
                s.setArray(1, array);
                s.executeUpdate();
            }
            due = System.nanoTime();
            long deadline = due + drainTimeoutSeconds * 1_000_000_000L;
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM act_ru_job WHERE id_ = ANY (?)")) {
                s.setArray(1, array);
                long dueAt = due;
                pollUntil(deadline, () -> {
                    long left;
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        left = rs.getLong(1);
                    }
                    curve.add(new long[]{System.nanoTime() - dueAt, left});
                    return left == 0;
                });
            }
        }
        long left = curve.isEmpty() ? ids.size() : curve.get(curve.size() - 1)[1];
        long fired = ids.size() - left;
        double elapsed = curve.isEmpty() ? 0 : curve.get(curve.size() - 1)[0] / 1e9;
        r.put("(d) timers pending / moved to due", pendingTimers + " / " + ids.size());
        r.put("(d) timer drain, jobs/s", (left > 0 ? "not drained in " + drainTimeoutSeconds + " s, " + left + " left; " : "")
                + fmt(fired / Math.max(elapsed, 1e-9)) + " (" + fired + " in " + fmt(elapsed) + " s)");
        r.put("(d) timer lag p50/p99 s (all due at once)", lagAt(curve, ids.size(), 0.50) + " / " + lagAt(curve, ids.size(), 0.99));
    }

    /** The time at which the given share of the timers had fired (from the 100 ms polls). */
    static String lagAt(List<long[]> curve, int total, double share) {
        for (long[] point : curve) {
            if (total - point[1] >= Math.ceil(share * total)) {
                return fmt(point[0] / 1e9);
            }
        }
        return "n/a";
    }

    // ---- helpers ----

    interface Work {
        int call() throws Exception;
    }

    static int parallel(int threads, IntFunction<Work> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Work w = work.apply(i);
                futures.add(pool.submit(w::call));
            }
            int sum = 0;
            for (Future<Integer> f : futures) {
                sum += f.get();
            }
            return sum;
        } finally {
            pool.shutdownNow();
        }
    }

    static final class Http {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        final String base;

        Http(int port) {
            this.base = "http://localhost:" + port;
        }

        HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
            return client.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String json, String user) throws IOException, InterruptedException {
            return client.send(request(path, user).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        }

        private HttpRequest.Builder request(String path, String user) {
            String credentials = Base64.getEncoder().encodeToString((user + ":" + PASSWORD)
                    .getBytes(StandardCharsets.UTF_8));
            return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Basic " + credentials);
        }
    }

    static String percentiles(List<Long> nanos) {
        if (nanos.isEmpty()) {
            return "n/a";
        }
        List<Long> sorted = new ArrayList<>(nanos);
        sorted.sort(null);
        return fmt(sorted.get((int) Math.min(sorted.size() - 1, Math.floor(0.50 * sorted.size()))) / 1e6) + " / "
                + fmt(sorted.get((int) Math.min(sorted.size() - 1, Math.floor(0.99 * sorted.size()))) / 1e6);
    }

    static long rssMiB(String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith(field + ":")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    static void exec(DataSource db, String... statements) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /**
     * Prints a benchmark's figures as a table under {@code title}, writes them to {@code target/performance/<file>} and
     * ends the JVM (the application's non-daemon threads would keep it alive).
     */
    static void printAndExit(String title, String file, Map<String, String> r) throws IOException {
        StringBuilder out = new StringBuilder("\n" + title + "\n\n");
        int width = r.keySet().stream().mapToInt(String::length).max().orElse(10);
        r.forEach((k, v) -> out.append(String.format("%-" + width + "s  %s%n", k, v)));
        System.out.println(out);
        Path path = Path.of("target/performance", file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, out);
        System.out.println("(also written to " + path + ")");
        System.exit(0);
    }

    /** The first rows of every benchmark's table: the machine and its load average before the run. */
    static void putMachine(Map<String, String> r, DataSource db, String note) throws SQLException, IOException {
        r.put("machine", Runtime.getRuntime().availableProcessors() + " cores; " + System.getProperty("java.vm.name")
                + " " + Runtime.version() + "; " + queryString(db, "SELECT version()").replaceAll(" on .*", "")
                + " (" + note + ")");
        r.put("load average before", Files.readString(Path.of("/proc/loadavg")).trim());
    }

    static long queryLong(DataSource db, String sql) throws SQLException {
        return Long.parseLong(queryString(db, sql));
    }

    static String queryString(DataSource db, String sql) throws SQLException {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static String seconds(long nanos) {
        return fmt(nanos / 1e9);
    }

    static String fmt(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static void log(String message) {
        System.out.println("[bench " + LocalDate.now() + " " + java.time.LocalTime.now().withNano(0) + "] " + message);
    }

    static String print(Map<String, String> facts, Map<String, Map<String, String>> results) {
        StringBuilder out = new StringBuilder("\nĐiều Hành benchmark (issue 15)\n\n");
        int width = facts.keySet().stream().mapToInt(String::length).max().orElse(10);
        for (Map.Entry<String, String> fact : facts.entrySet()) {
            out.append(String.format("%-" + width + "s  %s%n", fact.getKey(), fact.getValue()));
        }
        out.append('\n');
        List<String> variants = new ArrayList<>(results.keySet());
        List<String> metrics = new ArrayList<>();
        results.values().forEach(m -> m.keySet().stream().filter(k -> !metrics.contains(k)).forEach(metrics::add));
        int mw = metrics.stream().mapToInt(String::length).max().orElse(10);
        int cw = results.values().stream().flatMap(m -> m.values().stream()).mapToInt(String::length).max()
                .orElse(10);
        StringBuilder header = new StringBuilder(String.format("| %-" + mw + "s |", "metric"));
        variants.forEach(v -> header.append(String.format(" %-" + cw + "s |", v)));
        if (variants.size() == 2) {
            header.append(" ratio |");
        }
        out.append(header).append('\n').append(header.toString().replaceAll("[^|]", "-")).append('\n');
        for (String metric : metrics) {
            StringBuilder row = new StringBuilder(String.format("| %-" + mw + "s |", metric));
            for (String v : variants) {
                row.append(String.format(" %-" + cw + "s |", results.get(v).getOrDefault(metric, "")));
            }
            if (variants.size() == 2) {
                row.append(String.format(" %5s |", ratio(results.get(variants.get(0)).get(metric),
                        results.get(variants.get(1)).get(metric))));
            }
            out.append(row).append('\n');
        }
        if (variants.size() == 2) {
            out.append("ratio = ").append(variants.get(0)).append(" ÷ ").append(variants.get(1))
                    .append(" of the first number of each cell\n");
        }
        return out.toString();
    }

    static String ratio(String a, String b) {
        Double x = firstNumber(a);
        Double y = firstNumber(b);
        if (x == null || y == null || y == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f", x / y);
    }

    static Double firstNumber(String s) {
        if (s == null) {
            return null;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+(?:\\.\\d+)?)").matcher(s);
        return m.find() ? Double.valueOf(m.group(1)) : null;
    }
}
