package vn.dieuhanh.benchmark;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dieuhanh.dossier.internal.DossierReferenceData;
import vn.dieuhanh.dossier.internal.Procedure;
import vn.dieuhanh.dossier.internal.ReceptionPoint;

/**
 * The dossier benchmark of issue 18 (a command that prints figures, not a test). It starts the application in its
 * {@code postgres} profile on an embedded PostgreSQL server, registers a head and an officer for every unit, fills
 * {@code dos_dossier} by SQL to {@code bench.dossiers} dossiers (500,000: two years of 20,000 a working day would be
 * ten million; 500,000 is the figure) over the 41 reception points, the wards and the catalogue, then measures
 * through HTTP on the same machine, one request at a time after a warm-up: reception ({@code POST /api/dossiers}, the
 * officer of the point's host unit, every required paper), the first status changes ({@code processing},
 * {@code approval}: each completes a user task, runs the recording step and creates the next task), the citizens'
 * lookup, the oversight (three groupings over a year, and the workbook) and the point's queue page; and the sustained
 * reception rate with {@code bench.clients} parallel officers against the 20,000 dossiers a day of the issue.
 * <p>
 * Run: {@code mvn -o -q -Pbenchmark test-compile exec:exec -Dbench.main=vn.dieuhanh.benchmark.DossierBenchmark}
 * (README, "Performance"; docs/dossiers.md, "Speed").
 */
public final class DossierBenchmark {

    final int dossiers = Integer.getInteger("bench.dossiers", 500_000);
    final int measured = Integer.getInteger("bench.dossierRequests", 200);
    final int warmUp = Integer.getInteger("bench.warmUp", 20);
    final int clients = Integer.getInteger("bench.dossierClients", 4);
    final int rateSeconds = Integer.getInteger("bench.rateSeconds", 20);

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.zonky"))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        // the lookup's per-address limit would answer 429 to a benchmark from one address
        System.setProperty("dieuhanh.dossier.lookup.max-per-window", "100000000");
        Benchmark.printAndExit("Điều Hành dossier benchmark (issue 18)", "dossier-benchmark.txt", new DossierBenchmark().run());
    }

    record Received(String code, String secret, String unit) {
    }

    Map<String, String> run() throws Exception {
        Map<String, String> r = new LinkedHashMap<>();
        Benchmark base = new Benchmark();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource db = postgres.getPostgresDatabase();
            Benchmark.putMachine(r, db, "embedded, same machine");
            Benchmark.log("dossiers: starting the application");
            ConfigurableApplicationContext app = base.start(postgres.getJdbcUrl("postgres", "postgres"), false, false);
            try {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                List<String> units = base.registerOfficials(app);
                DossierReferenceData data = app.getBean(DossierReferenceData.class);
                List<String> wards = units.stream().filter(u -> u.startsWith("phuong-") || u.startsWith("xa-")
                        || u.startsWith("dac-khu-")).toList();
                long began = System.nanoTime();
                load(db, data, wards);
                r.put("dossiers on file", Benchmark.queryLong(db, "SELECT count(*) FROM dos_dossier") + " ("
                        + Benchmark.queryLong(db, "SELECT count(*) FROM dos_event") + " trail rows; SQL load with "
                        + "ANALYZE " + Benchmark.seconds(System.nanoTime() - began) + " s), "
                        + Benchmark.queryLong(db, "SELECT count(*) FROM dos_dossier WHERE status IN ('RECEIVED',"
                        + "'IN_PROGRESS','SUPPLEMENT_REQUESTED')") + " open");
                measure(port, db, data, wards, r);
            } finally {
                app.close();
            }
            r.put("load average after", Files.readString(Path.of("/proc/loadavg")).trim());
            r.put("note", "read the figures with the load averages: above the core count, other work shared the "
                    + "machine and the figures are upper bounds of what an idle machine gives");
        }
        return r;
    }

    /** Dossiers of the last 365 days over points, wards and procedures; 92 % decided, 7 % late, 3 % paused. */
    void load(DataSource db, DossierReferenceData data, List<String> wards) throws Exception {
        String points = data.points().stream().map(p -> "('" + p.code() + "','" + p.hostUnit() + "')")
                .collect(Collectors.joining(","));
        String procedures = data.procedures().stream().map(p -> "('" + p.code() + "'," + p.statutoryTime().toMinutes()
                + ",'" + (p.competence().startsWith("unit:") ? p.competence().substring(5) : "") + "')")
                .collect(Collectors.joining(","));
        String wardValues = wards.stream().map(w -> "('" + w + "')").collect(Collectors.joining(","));
        Benchmark.log("dossiers: loading " + dossiers + " dossiers by SQL");
        Benchmark.exec(db,
                "CREATE TEMP TABLE bp AS SELECT row_number() OVER () AS n, * FROM (VALUES " + points + ") v(code, host)",
                "CREATE TEMP TABLE bq AS SELECT row_number() OVER () AS n, * FROM (VALUES " + procedures
                        + ") v(code, minutes, unit)",
                "CREATE TEMP TABLE bw AS SELECT row_number() OVER () AS n, * FROM (VALUES " + wardValues + ") v(code)",
                "CREATE TEMP TABLE bpick AS SELECT g, 1 + floor(random() * (SELECT count(*) FROM bp))::int AS pn,"
                        + " 1 + floor(random() * (SELECT count(*) FROM bq))::int AS qn,"
                        + " 1 + floor(random() * (SELECT count(*) FROM bw))::int AS wn,"
                        + " now() - random() * interval '365 days' AS received, random() AS r1, random() AS r2"
                        + " FROM generate_series(1, " + dossiers + ") g",
                "INSERT INTO dos_dossier (code, secret_hash, procedure_code, reception_point, unit_code, status,"
                        + " received_at, received_by, statutory_minutes, appointment_at, first_appointment_at,"
                        + " paused_at, remaining_minutes, decided_at, returned_at, late, outcome, applicant_name, papers)"
                        + " SELECT 'HS-B' || lpad(k.g::text, 9, '0'), md5(k.g::text) || md5('s' || k.g),"
                        + " q.code, p.code, CASE WHEN q.unit = '' THEN w.code ELSE q.unit END,"
                        + " CASE WHEN k.received > now() - interval '20 days' AND k.r1 < 0.5 THEN 'IN_PROGRESS'"
                        + "      WHEN k.r1 < 0.03 THEN 'SUPPLEMENT_REQUESTED' WHEN k.r1 < 0.06 THEN 'REFUSED'"
                        + "      WHEN k.r1 < 0.10 THEN 'RESULT_READY' ELSE 'RETURNED' END,"
                        + " k.received, p.host || '.bench-officer', q.minutes,"
                        + " k.received + (q.minutes / 480.0 * 1.4 + 0.1) * interval '1 day',"
                        + " k.received + (q.minutes / 480.0 * 1.4 + 0.1) * interval '1 day',"
                        + " CASE WHEN k.r1 < 0.03 THEN k.received + interval '1 hour' END,"
                        + " CASE WHEN k.r1 < 0.03 THEN q.minutes / 2 END,"
                        + " CASE WHEN k.received > now() - interval '20 days' AND k.r1 < 0.5 THEN NULL"
                        + "      WHEN k.r1 < 0.03 THEN NULL"
                        + "      ELSE k.received + (q.minutes / 480.0 * 1.4) * interval '1 day'"
                        + "           * CASE WHEN k.r2 < 0.07 THEN 1.5 ELSE 0.8 END END,"
                        + " CASE WHEN k.r1 >= 0.10 AND NOT (k.received > now() - interval '20 days' AND k.r1 < 0.5)"
                        + "      THEN k.received + (q.minutes / 480.0 * 1.4 + 0.5) * interval '1 day' END,"
                        + " k.r2 < 0.07 AND k.r1 >= 0.03 AND NOT (k.received > now() - interval '20 days' AND k.r1 < 0.5),"
                        + " CASE WHEN k.r1 < 0.03 THEN NULL WHEN k.r1 < 0.06 THEN 'refusal' ELSE 'result' END,"
                        + " 'Người nộp ' || k.g, 'Tờ khai;Căn cước'"
                        + " FROM bpick k JOIN bp p ON p.n = k.pn JOIN bq q ON q.n = k.qn JOIN bw w ON w.n = k.wn",
                "UPDATE dos_dossier SET outcome = NULL, decided_at = NULL WHERE status = 'IN_PROGRESS'",
                "INSERT INTO dos_event (dossier_id, kind, status, at, actor, appointment_at)"
                        + " SELECT id, 'RECEIVED', 'RECEIVED', received_at, received_by, appointment_at FROM dos_dossier",
                "INSERT INTO dos_event (dossier_id, kind, status, at, actor)"
                        + " SELECT id, 'TRANSFERRED', 'IN_PROGRESS', received_at + interval '1 minute', 'system'"
                        + " FROM dos_dossier",
                "INSERT INTO dos_event (dossier_id, kind, status, at, actor)"
                        + " SELECT id, 'SIGNED', status, decided_at, unit_code || '.bench-head' FROM dos_dossier"
                        + " WHERE decided_at IS NOT NULL",
                "VACUUM ANALYZE dos_dossier",
                "VACUUM ANALYZE dos_event");
    }

    void measure(int port, DataSource db, DossierReferenceData data, List<String> wards, Map<String, String> r)
            throws Exception {
        Benchmark.Http basic = new Benchmark.Http(port);
        List<ReceptionPoint> points = data.points();
        List<Procedure> procedures = data.procedures().stream().filter(Procedure::anywhere).toList();

        // (a) reception, one at a time
        Benchmark.log("dossiers: reception, " + (warmUp + measured) + " requests");
        List<Long> reception = new ArrayList<>();
        List<Received> received = new ArrayList<>();
        for (int i = 0; i < warmUp + measured; i++) {
            long s = System.nanoTime();
            Received one = receive(basic, points.get(i % points.size()), procedures.get(i % procedures.size()),
                    wards.get(i % wards.size()));
            long t = System.nanoTime() - s;
            if (i >= warmUp) {
                reception.add(t);
                received.add(one);
            }
        }
        r.put("reception POST /api/dossiers, p50/p99 ms", Benchmark.percentiles(reception) + " (" + measured
                + " after " + warmUp + " warm-up; checklist, working-time appointment, insert, trail, start job)");

        // (b) sustained reception rate with parallel officers
        Benchmark.log("dossiers: sustained reception, " + clients + " clients for " + rateSeconds + " s");
        AtomicInteger done = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<Long> parallel = new ConcurrentLinkedQueue<>();
        long end = System.nanoTime() + Duration.ofSeconds(rateSeconds).toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread thread = new Thread(() -> {
                Benchmark.Http http = new Benchmark.Http(port);
                int i = client;
                while (System.nanoTime() < end) {
                    try {
                        long s = System.nanoTime();
                        receive(http, points.get(i % points.size()), procedures.get(i % procedures.size()),
                                wards.get(i % wards.size()));
                        parallel.add(System.nanoTime() - s);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                    i += clients;
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double perSecond = done.get() / (double) rateSeconds;
        r.put("sustained reception, " + clients + " parallel officers", Benchmark.fmt(perSecond) + " dossiers/s = "
                + String.format(java.util.Locale.ROOT, "%,d", (long) (perSecond * 8 * 3600))
                + " per 8-hour working day (issue: 20,000/day = 0.69/s); p50/p99 "
                + Benchmark.percentiles(new ArrayList<>(parallel)) + " ms; " + failed.get() + " failed");

        // (c) the transfer jobs run; then the first status changes on the dossiers received in (a)
        Benchmark.log("dossiers: waiting for the transfer jobs");
        long drainStart = System.nanoTime();
        Benchmark.pollUntil(System.nanoTime() + Duration.ofSeconds(600).toNanos(), () -> Benchmark.queryLong(db,
                "SELECT count(*) FROM dos_dossier WHERE code LIKE 'HS-2%' AND status = 'RECEIVED'") == 0);
        r.put("transfer jobs drained (all reception starts)", Benchmark.seconds(System.nanoTime() - drainStart)
                + " s after the rate run");
        List<Long> processing = new ArrayList<>();
        List<Long> approval = new ArrayList<>();
        int errors = 0;
        String failure = null;
        for (Received one : received) {
            long s = System.nanoTime();
            HttpResponse<String> p = basic.post("/api/dossiers/" + one.code() + "/processing",
                    "{\"decision\":\"result\",\"note\":\"Đủ điều kiện\"}", one.unit() + ".bench-officer");
            long t = System.nanoTime() - s;
            if (p.statusCode() / 100 != 2) {
                errors++;
                failure = p.statusCode() + " " + p.body();
                continue;
            }
            processing.add(t);
            s = System.nanoTime();
            HttpResponse<String> a = basic.post("/api/dossiers/" + one.code() + "/approval",
                    "{\"decision\":\"approve\"}", one.unit() + ".bench-head");
            t = System.nanoTime() - s;
            if (a.statusCode() / 100 != 2) {
                errors++;
                failure = a.statusCode() + " " + a.body();
            } else {
                approval.add(t);
            }
        }
        r.put("status change POST .../processing, p50/p99 ms", Benchmark.percentiles(processing) + " ("
                + processing.size() + " dossiers; completes the task, records, creates the approval task)"
                + (errors > 0 ? "; " + errors + " errors, e.g. " + failure : ""));
        r.put("status change POST .../approval, p50/p99 ms", Benchmark.percentiles(approval) + " ("
                + approval.size() + " dossiers; completes the task, records, creates the signature task)");

        // (d) the citizens' lookup (anonymous)
        HttpClient anonymous = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<Long> lookup = new ArrayList<>();
        List<Long> wrong = new ArrayList<>();
        for (int i = 0; i < warmUp + received.size(); i++) {
            Received one = received.get(i % received.size());
            long s = System.nanoTime();
            HttpResponse<String> ok = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/public/dossiers/" + one.code() + "?ma-bao-mat=" + one.secret())).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long t = System.nanoTime() - s;
            s = System.nanoTime();
            HttpResponse<String> no = anonymous.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/api/public/dossiers/" + one.code() + "?ma-bao-mat=XXXXXXXX")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            long t2 = System.nanoTime() - s;
            if (i >= warmUp && ok.statusCode() == 200 && no.statusCode() == 404) {
                lookup.add(t);
                wrong.add(t2);
            }
        }
        r.put("lookup GET /api/public/dossiers/{code}, p50/p99 ms", Benchmark.percentiles(lookup) + " ("
                + lookup.size() + " found); wrong security code (404): " + Benchmark.percentiles(wrong));

        // (e) oversight over a year of 500,000 dossiers, and the point's queue page
        LocalDate to = LocalDate.now();
        LocalDate from = to.minusDays(365);
        for (String by : List.of("UNIT", "POINT", "PROCEDURE")) {
            times(r, "oversight GET /api/dossier-oversight?by=" + by + " (a year), p50/p99 ms", 30, () -> basic.get(
                    "/api/dossier-oversight?by=" + by + "&from=" + from + "&to=" + to, Benchmark.LEADER));
        }
        times(r, "oversight workbook GET /api/dossier-oversight.xlsx (a year), p50/p99 ms", 10, () -> basic.get(
                "/api/dossier-oversight.xlsx?from=" + from + "&to=" + to, Benchmark.LEADER));
        String host = points.get(1).hostUnit();
        DashboardBenchmark.Session officer = new DashboardBenchmark.Session(port, host + ".bench-officer");
        if (officer.ok) {
            times(r, "queue page GET /ho-so (officer of " + host + "), p50/p99 ms", 30, () -> officer.get("/ho-so"));
            DashboardBenchmark.Session leader = new DashboardBenchmark.Session(port, Benchmark.LEADER);
            times(r, "dashboard section GET /dieu-hanh/ho-so (City PC leader, this month), p50/p99 ms", 30,
                    () -> leader.get("/dieu-hanh/ho-so"));
        }
    }

    interface Call {
        HttpResponse<?> call() throws Exception;
    }

    void times(Map<String, String> r, String name, int count, Call call) throws Exception {
        Benchmark.log("dossiers: " + name);
        List<Long> times = new ArrayList<>();
        String failure = null;
        for (int i = 0; i < 5 + count; i++) {
            long s = System.nanoTime();
            HttpResponse<?> response = call.call();
            long t = System.nanoTime() - s;
            if (response.statusCode() != 200) {
                failure = String.valueOf(response.statusCode());
            } else if (i >= 5) {
                times.add(t);
            }
        }
        r.put(name, Benchmark.percentiles(times) + " (" + count + " after 5 warm-up"
                + (failure == null ? "" : "; failure: " + failure) + ")");
    }

    static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");
    static final Pattern SECRET = Pattern.compile("\"securityCode\":\"([^\"]+)\"");

    Received receive(Benchmark.Http http, ReceptionPoint point, Procedure procedure, String ward) throws Exception {
        String unit = procedure.competence().startsWith("unit:") ? procedure.competence().substring(5) : ward;
        String papers = procedure.papers().stream().filter(p -> !p.contains("(nếu"))
                .map(p -> "\"" + p.replace("\"", "\\\"") + "\"").collect(Collectors.joining(",", "[", "]"));
        String body = "{\"receptionPoint\":\"" + point.code() + "\",\"procedureCode\":\"" + procedure.code()
                + "\",\"unitCode\":\"" + unit + "\",\"papersPresented\":" + papers
                + ",\"applicantName\":\"Nguyễn Văn Đo\",\"applicantContact\":\"0909 000 000\"}";
        HttpResponse<String> response = http.post("/api/dossiers", body, point.hostUnit() + ".bench-officer");
        if (response.statusCode() != 201) {
            throw new IllegalStateException("reception failed: " + response.statusCode() + " " + response.body());
        }
        Matcher code = CODE.matcher(response.body());
        Matcher secret = SECRET.matcher(response.body());
        if (!code.find() || !secret.find()) {
            throw new IllegalStateException("no receipt in " + response.body());
        }
        return new Received(code.group(1), secret.group(1), unit);
    }
}
