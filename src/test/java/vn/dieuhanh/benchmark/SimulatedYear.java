package vn.dieuhanh.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The simulated year of issue 15 (the benchmark's {@code year} variant, not a test): assignments to the city's units
 * over one calendar year, every step through the public REST API as the official who holds it, on the engine clock.
 * The job executor is off; the simulation moves the engine clock (08:00 and 23:00 of each day, Asia/Ho_Chi_Minh) and
 * runs the due jobs itself (async continuations, alert timers), so the run is reproducible from its seed: each
 * assignment draws its unit, holder (the unit's officer or, for a unit, its head), deadline (3-40 working days) and
 * fate from a {@link Random} with the seed. Fates: reported on time, reported late, returned once then reported,
 * extension requested (approved or refused) then reported, never reported. It ends with the checksum of what the
 * application computed: the bucket totals of the summary, the trail events, the KPI ledger and the monthly KPI
 * rankings, the inbox; the same seed and size give the same checksum on every run.
 */
final class SimulatedYear {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    final int total = Integer.getInteger("bench.year.assignments", 60_000);
    final long seed = Long.getLong("bench.year.seed", 20270101L);
    final int year = Integer.getInteger("bench.year.year", 2027);
    /** The first months of the year only (a shorter run with the same method); 12 by default. */
    final int months = Integer.getInteger("bench.year.months", 12);
    private LocalDate last;

    enum Fate { ON_TIME, LATE, RETURNED, EXTENSION_APPROVED, EXTENSION_REFUSED, NEVER_REPORTED }

    enum Step { REPORT, REQUEST_EXTENSION, ACCEPT, RETURN, APPROVE_EXTENSION, REFUSE_EXTENSION }

    record Action(int assignment, Step step, LocalDate proposed) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> ids = new ArrayList<>();
    private final Map<LocalDate, List<Action>> agenda = new TreeMap<>();
    private final Map<String, Integer> outcomes = new TreeMap<>();
    private ManagementService jobs;
    private final java.util.concurrent.atomic.AtomicLong jobsRun = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong jobFailures = new java.util.concurrent.atomic.AtomicLong();
    /**
     * Harness workers ({@code bench.year.threads}, default the machine's cores; 1 runs everything on this thread, as
     * the job executor's threads and many officials would not): the same seed gives the same checksum for any number.
     */
    final int threads = Integer.getInteger("bench.year.threads", 0) > 0 ? Integer.getInteger("bench.year.threads")
            : Runtime.getRuntime().availableProcessors();
    private java.util.concurrent.ExecutorService workers;
    private DataSource db;
    /** Per phase of the harness: wall nanoseconds and SQL statements (pg_stat_statements calls, every connection). */
    private final Map<String, long[]> phases = new TreeMap<>();
    private String phase;
    private long phaseStarted;
    private long phaseStatements;

    /** Starts a phase (ends the one before): its time and the server's statements until the next phase count to it. */
    private void phase(String name) throws Exception {
        long now = System.nanoTime();
        long statements = statements();
        if (phase != null) {
            long[] p = phases.computeIfAbsent(phase, k -> new long[3]);
            p[0] += now - phaseStarted;
            p[1] += statements - phaseStatements - 1; // less the reading of the counter itself
            p[2]++;
        }
        phase = name;
        phaseStarted = System.nanoTime();
        phaseStatements = statements;
    }

    private long statements() throws Exception {
        return db == null ? 0 : Benchmark.queryLong(db, "SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements");
    }

    void run(ConfigurableApplicationContext app, Benchmark.Http http, DataSource db, List<String> units,
             Map<String, String> r) throws Exception {
        jobs = app.getBean(ManagementService.class);
        // the application's pool: the embedded server's own data source opens a new server process per connection
        db = app.getBean(DataSource.class);
        this.db = db;
        Benchmark.exec(db, "SELECT pg_stat_statements_reset()");
        Random random = new Random(seed);
        last = LocalDate.of(year, 1, 1).plusMonths(months).minusDays(1);
        List<LocalDate> workdays = new ArrayList<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); !d.isAfter(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                workdays.add(d);
            }
        }
        Map<LocalDate, Integer> createdOn = new TreeMap<>();
        for (int i = 0; i < total; i++) {
            createdOn.merge(workdays.get((int) ((long) i * workdays.size() / total)), 1, Integer::sum);
        }
        Benchmark.log("year " + year + ": " + total + " assignments to " + units.size() + " units, seed " + seed
                + ", " + threads + " harness thread(s)");
        if (threads > 1) {
            workers = java.util.concurrent.Executors.newFixedThreadPool(threads);
        }
        long began = System.nanoTime();
        long cpuBefore = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
        int next = 0;
        for (LocalDate day = LocalDate.of(year, 1, 1); !day.isAfter(last); day = day.plusDays(1)) {
            at(day, 8);
            phase("create (POST /api/assignments)");
            List<Draw> draws = new ArrayList<>();
            for (int k = createdOn.getOrDefault(day, 0); k > 0; k--) {
                draws.add(draw(units, random, next++));
            }
            createAll(http, draws, day);
            runJobs();
            List<Action> today = agenda.getOrDefault(day, List.of());
            phase("steps (REST as the holder)");
            DataSource pool = db;
            // first the holders' steps, then the assigner's decisions on them; one step per assignment in each
            inParallel(today.stream().filter(a -> a.step() == Step.REPORT || a.step() == Step.REQUEST_EXTENSION)
                    .toList(), a -> act(http, pool, a));
            runJobs();
            phase("steps (REST as the holder)");
            inParallel(today.stream().filter(a -> a.step() != Step.REPORT && a.step() != Step.REQUEST_EXTENSION)
                    .toList(), a -> act(http, pool, a));
            runJobs();
            at(day, 23); // the day's alert timers
            runJobs();
            agenda.remove(day);
            if (day.getDayOfMonth() == 1) {
                Benchmark.log(String.format(Locale.ROOT, "year: %s, %d assignments, %d jobs, %.0f s", day, next,
                        jobsRun.get(), (System.nanoTime() - began) / 1e9));
            }
        }
        phase(null);
        if (workers != null) {
            workers.shutdown();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        double cpu = (((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime() - cpuBefore) / 1e9;
        r.put("year: JVM CPU s; server time in statements s (pg_stat_statements, incl. waiting for a core)",
                Benchmark.fmt(cpu) + "; " + Benchmark.queryString(db,
                        "SELECT round(sum(total_exec_time)::numeric / 1000, 1) FROM pg_stat_statements"));
        long allStatements = 0;
        for (Map.Entry<String, long[]> p : phases.entrySet()) {
            long[] v = p.getValue();
            allStatements += v[1];
            r.put("year: phase " + p.getKey(), String.format(Locale.ROOT,
                    "%.1f s, %d statements (%d passes)", v[0] / 1e9, v[1], v[2]));
        }
        r.put("year: SQL statements (all connections), per assignment, per job", allStatements + ", "
                + Benchmark.fmt(allStatements / (double) total) + ", " + Benchmark.fmt(allStatements / (double) Math.max(1, jobsRun.get())));
        r.put("year: jobs run per assignment", Benchmark.fmt(jobsRun.get() / (double) total));
        r.put("year: jobs by activity", grouped(db, "SELECT coalesce(act_id_, job_def_type_), count(*) FROM act_hi_job_log"
                + " WHERE job_state_ = 0 GROUP BY 1 ORDER BY 2 DESC"));
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT calls, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) FROM pg_stat_statements"
                        + " ORDER BY calls DESC LIMIT 40")) {
            int rank = 0;
            while (rs.next()) {
                r.put(String.format(Locale.ROOT, "year: top statement %02d (calls/assignment, rows)", ++rank),
                        Benchmark.fmt(rs.getLong(1) / (double) total) + ", " + rs.getLong(2) + ": " + rs.getString(3));
            }
        }
        try (Connection c = db.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT calls, round(total_exec_time::numeric, 0), left(regexp_replace(query, '\\s+', ' ', 'g'), 110)"
                        + " FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT 12")) {
            int rank = 0;
            while (rs.next()) {
                r.put(String.format(Locale.ROOT, "year: server time %02d (calls, ms)", ++rank),
                        rs.getLong(1) + ", " + rs.getLong(2) + ": " + rs.getString(3));
            }
        }
        r.put("year: simulated", year + (months < 12 ? " (first " + months + " months)" : "") + ", " + total + " assignments to " + units.size() + " units, seed " + seed
                + "; " + jobsRun + " jobs run on the engine clock (" + jobFailures + " failed attempts); "
                + threads + " harness thread(s)");
        r.put("year: wall time (s), assignments/s", Benchmark.fmt(seconds) + ", " + Benchmark.fmt(total / seconds));
        r.put("year: steps through REST (outcome counts)", outcomes.toString());
        checksum(http, db, r);
        perProcess(db, r);
        ClockUtil.reset();
    }

    private void at(LocalDate day, int hour) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(LocalTime.of(hour, 0)).atZone(ZONE).toInstant()));
    }

    /** One assignment's draws from the seeded {@link Random}, in the order of the sequential harness. */
    private record Draw(int index, String body, Fate fate, int workingDays, int early, int late, int ask) {
    }

    private Draw draw(List<String> units, Random random, int index) {
        String unit = units.get(random.nextInt(units.size()));
        boolean toOfficer = random.nextBoolean();
        int workingDays = 3 + random.nextInt(38);
        double f = random.nextDouble();
        Fate fate = f < 0.60 ? Fate.ON_TIME : f < 0.75 ? Fate.LATE : f < 0.85 ? Fate.RETURNED
                : f < 0.90 ? Fate.EXTENSION_APPROVED : f < 0.93 ? Fate.EXTENSION_REFUSED : Fate.NEVER_REPORTED;
        int early = 1 + random.nextInt(workingDays); // calendar days <= working days: before the deadline
        int late = (int) Math.ceil(workingDays * 1.4) + 10 + random.nextInt(16); // past it (weekends, a holiday)
        int ask = fate == Fate.EXTENSION_APPROVED || fate == Fate.EXTENSION_REFUSED
                ? 1 + random.nextInt(Math.max(1, workingDays / 2)) : 0;
        String body = "{\"unitCode\":\"" + unit + "\"," + (toOfficer ? "\"assignee\":\"" + unit + ".bench-officer\"," : "")
                + "\"title\":\"Nhiệm vụ năm mô phỏng " + index + "\",\"description\":\"Thực hiện, báo cáo kết quả\","
                + "\"deadlineWorkingDays\":" + workingDays + "}";
        return new Draw(index, body, fate, workingDays, early, late, ask);
    }

    /** Creates the day's assignments (in parallel when there are workers), then plans their steps in index order. */
    private void createAll(Benchmark.Http http, List<Draw> draws, LocalDate day) throws Exception {
        List<String> created = inParallel(draws, d -> {
            HttpResponse<String> response = http.post("/api/assignments", d.body(), Benchmark.LEADER);
            count("create " + response.statusCode());
            return response.statusCode() == 201 ? json.readTree(response.body()).path("assignmentId").asText() : null;
        });
        for (int k = 0; k < draws.size(); k++) {
            ids.add(created.get(k));
            if (created.get(k) != null) {
                plan(draws.get(k), day);
            }
        }
    }

    private void plan(Draw d, LocalDate day) {
        int index = d.index();
        switch (d.fate()) {
            case ON_TIME -> reportAndAccept(index, day.plusDays(d.early()));
            case LATE -> reportAndAccept(index, day.plusDays(d.late()));
            case RETURNED -> {
                plan(day.plusDays(d.early()), index, Step.REPORT, null);
                plan(day.plusDays(d.early()), index, Step.RETURN, null);
                reportAndAccept(index, day.plusDays(d.early() + 2));
            }
            case EXTENSION_APPROVED, EXTENSION_REFUSED -> {
                plan(day.plusDays(d.ask()), index, Step.REQUEST_EXTENSION, day.plusDays(2L * d.workingDays() + 14));
                plan(day.plusDays(d.ask()), index, d.fate() == Fate.EXTENSION_APPROVED ? Step.APPROVE_EXTENSION
                        : Step.REFUSE_EXTENSION, null);
                reportAndAccept(index, day.plusDays(d.workingDays() + d.early()));
            }
            case NEVER_REPORTED -> {
            }
        }
    }

    interface Work<T, R> {
        R apply(T item) throws Exception;
    }

    /**
     * The items' work on {@link #threads} workers (on this thread when 1), results in the items' order. The harness
     * only runs work in parallel that touches different assignments (a day's creations, one kind of step, the jobs of
     * different process instances), so the order between them changes nothing the checksum reads.
     */
    private <T, R> List<R> inParallel(List<T> items, Work<T, R> work) throws Exception {
        List<R> results = new ArrayList<>();
        if (workers == null || items.size() < 2) {
            for (T item : items) {
                results.add(work.apply(item));
            }
            return results;
        }
        List<java.util.concurrent.Future<R>> futures = new ArrayList<>();
        for (T item : items) {
            futures.add(workers.submit(() -> work.apply(item)));
        }
        for (java.util.concurrent.Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return results;
    }

    private void reportAndAccept(int index, LocalDate day) {
        plan(day, index, Step.REPORT, null);
        plan(day, index, Step.ACCEPT, null);
    }

    private void plan(LocalDate day, int index, Step step, LocalDate proposed) {
        if (!day.isAfter(last)) { // work planned past the simulated period stays open
            agenda.computeIfAbsent(day, d -> new ArrayList<>()).add(new Action(index, step, proposed));
        }
    }

    private Void act(Benchmark.Http http, DataSource db, Action action) throws Exception {
        String id = ids.get(action.assignment());
        if (id == null) {
            return null;
        }
        String task = switch (action.step()) {
            case REPORT, REQUEST_EXTENSION -> "Task_HandleAssignment";
            case ACCEPT, RETURN -> "Task_ReviewResult";
            case APPROVE_EXTENSION, REFUSE_EXTENSION -> "Task_ReviewExtension";
        };
        String actor = assignee(db, id, task);
        if (actor == null) {
            count(action.step() + " skipped (not waiting)");
            return null;
        }
        HttpResponse<String> response = switch (action.step()) {
            case REPORT -> http.post("/api/assignments/" + id + "/report",
                    "{\"result\":\"Đã thực hiện xong, báo cáo kết quả\"}", actor);
            case REQUEST_EXTENSION -> http.post("/api/assignments/" + id + "/extension-requests",
                    "{\"proposedDeadline\":\"" + action.proposed() + "\",\"reason\":\"Chờ ý kiến của sở ngành\"}", actor);
            case ACCEPT -> http.post("/api/assignments/" + id + "/review", "{\"accepted\":true,\"note\":\"Đồng ý\"}", actor);
            case RETURN -> http.post("/api/assignments/" + id + "/review",
                    "{\"accepted\":false,\"note\":\"Bổ sung số liệu\"}", actor);
            case APPROVE_EXTENSION -> http.post("/api/assignments/" + id + "/extension-decision",
                    "{\"accepted\":true,\"note\":\"Đồng ý gia hạn\"}", actor);
            case REFUSE_EXTENSION -> http.post("/api/assignments/" + id + "/extension-decision",
                    "{\"accepted\":false,\"note\":\"Không gia hạn\"}", actor);
        };
        count(action.step() + " " + response.statusCode());
        return null;
    }

    /** Who holds the step now (the task's assignee; the assigner for an unassigned review). */
    private static String assignee(DataSource db, String assignmentId, String task) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "SELECT t.assignee_, a.assigned_by FROM asg_assignment a JOIN act_ru_task t"
                        + " ON t.proc_inst_id_ = a.process_instance_id AND t.task_def_key_ = ? WHERE a.id = ?")) {
            s.setString(1, task);
            s.setString(2, assignmentId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return rs.getString(1) != null ? rs.getString(1) : rs.getString(2);
            }
        }
    }

    private void runJobs() throws Exception {
        phase("jobs (query + executeJob)");
        for (int guard = 0; guard < 100_000; guard++) {
            List<Job> due = jobs.createJobQuery().executable().orderByJobDuedate().asc().listPage(0, 500);
            if (due.isEmpty()) {
                return;
            }
            // the jobs of one process instance run in due-date order on one worker, as the engine's exclusive jobs do
            Map<String, List<Job>> byInstance = new LinkedHashMap<>();
            for (Job job : due) {
                byInstance.computeIfAbsent(job.getProcessInstanceId() == null ? job.getId() : job.getProcessInstanceId(),
                        k -> new ArrayList<>()).add(job);
            }
            inParallel(new ArrayList<>(byInstance.values()), instanceJobs -> {
                for (Job job : instanceJobs) {
                    try {
                        jobs.executeJob(job.getId());
                    } catch (RuntimeException failed) {
                        jobFailures.incrementAndGet();
                    }
                    jobsRun.incrementAndGet();
                }
                return null;
            });
        }
    }

    private void count(String outcome) {
        synchronized (outcomes) {
            outcomes.merge(outcome, 1, Integer::sum);
        }
    }

    // ---- the checksum: what the application computed, not how long it took ----

    private void checksum(Benchmark.Http http, DataSource db, Map<String, String> r) throws Exception {
        at(last, 23);
        List<String> lines = new ArrayList<>();
        JsonNode summary = json.readTree(http.get("/api/assignments/summary", Benchmark.LEADER).body());
        lines.add("buckets " + summary.path("total"));
        lines.add("trail " + grouped(db, "SELECT kind, count(*) FROM asg_trail_event GROUP BY kind ORDER BY kind"));
        lines.add("ledger " + grouped(db, "SELECT kind, count(*) FROM kpi_ledger GROUP BY kind ORDER BY kind"));
        // What the engine transactions decided to send (the outbox) is part of the result; the inbox is the relay's
        // asynchronous delivery of it (every 2 s of wall time), so it is read only once the relay has caught up:
        // reading it at once made two runs of the same seed differ (inbox OVERDUE 7 and 9).
        lines.add("outbox " + grouped(db, "SELECT kind, count(*) FROM ntf_outbox GROUP BY kind ORDER BY kind"));
        long waitedFrom = System.nanoTime();
        String pendingInbox = "SELECT count(*) FROM ntf_delivery WHERE channel = 'INBOX' AND status = 'PENDING'";
        Benchmark.pollUntil(waitedFrom + 1_800_000_000_000L, () -> Benchmark.queryLong(db, pendingInbox) == 0);
        long stillPending = Benchmark.queryLong(db, pendingInbox);
        if (stillPending > 0) { // a checksum over a half-delivered inbox would differ between runs: say so
            throw new IllegalStateException(stillPending + " inbox deliveries still pending after 30 minutes");
        }
        r.put("year: inbox delivery after the last day (s)", Benchmark.fmt((System.nanoTime() - waitedFrom) / 1e9));
        lines.add("inbox " + grouped(db, "SELECT kind, count(*) FROM ntf_inbox_item GROUP BY kind ORDER BY kind"));
        BigDecimal scores = BigDecimal.ZERO;
        Map<String, Integer> bands = new TreeMap<>();
        int ranked = 0;
        for (int month = 1; month <= months; month++) {
            JsonNode ranking = json.readTree(http.get("/api/kpi/units?period=" + YearMonth.of(year, month),
                    Benchmark.LEADER).body());
            for (JsonNode total : ranking.findValues("total")) {
                if (total.isNumber()) {
                    scores = scores.add(total.decimalValue());
                    ranked++;
                }
            }
            for (JsonNode band : ranking.findValues("band")) {
                bands.merge(band.asText(), 1, Integer::sum);
            }
        }
        lines.add("kpi " + ranked + " unit-months, total points " + scores.stripTrailingZeros().toPlainString()
                + ", bands " + bands);
        lines.add("jobs failed " + Benchmark.queryLong(db, "SELECT count(*) FROM act_ru_job WHERE exception_msg_ IS NOT NULL")
                + ", incidents " + Benchmark.queryLong(db, "SELECT count(*) FROM act_ru_incident"));
        byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(String.join("\n", lines).getBytes(StandardCharsets.UTF_8));
        r.put("year: CHECKSUM (same seed and size, same value)", HexFormat.of().formatHex(digest).substring(0, 16));
        for (String line : lines) {
            int space = line.indexOf(' ');
            r.put("year: " + line.substring(0, space), line.substring(space + 1));
        }
    }

    private static String grouped(DataSource db, String sql) throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        }
        return counts.toString();
    }

    /** Per process definition: instances, history rows per instance, runtime variables per running instance. */
    static void perProcess(DataSource db, Map<String, String> r) throws Exception {
        Map<String, long[]> byKey = new TreeMap<>(); // instances, running, varinst, detail, actinst, taskinst, ru vars
        String[] queries = {
                "SELECT proc_def_key_, count(*) FROM act_hi_procinst GROUP BY 1",
                "SELECT proc_def_key_, count(*) FROM act_hi_procinst WHERE end_time_ IS NULL GROUP BY 1",
                "SELECT proc_def_key_, count(*) FROM act_hi_varinst GROUP BY 1",
                "SELECT proc_def_key_, count(*) FROM act_hi_detail GROUP BY 1",
                "SELECT proc_def_key_, count(*) FROM act_hi_actinst GROUP BY 1",
                "SELECT proc_def_key_, count(*) FROM act_hi_taskinst GROUP BY 1",
                "SELECT d.key_, count(*) FROM act_ru_variable v JOIN act_ru_execution e ON e.id_ = v.execution_id_"
                        + " JOIN act_re_procdef d ON d.id_ = e.proc_def_id_ GROUP BY 1"};
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            for (int q = 0; q < queries.length; q++) {
                try (ResultSet rs = s.executeQuery(queries[q])) {
                    while (rs.next()) {
                        if (rs.getString(1) != null) {
                            byKey.computeIfAbsent(rs.getString(1), k -> new long[7])[q] = rs.getLong(2);
                        }
                    }
                }
            }
        }
        for (Map.Entry<String, long[]> e : byKey.entrySet()) {
            long[] v = e.getValue();
            if (v[0] == 0) {
                continue;
            }
            r.put("rows per instance: " + e.getKey(), String.format(Locale.ROOT,
                    "%d instances (%d running); history per instance: %.1f variables, %.1f details, %.1f activities,"
                            + " %.1f tasks; runtime variables per running instance %.1f",
                    v[0], v[1], v[2] / (double) v[0], v[3] / (double) v[0], v[4] / (double) v[0],
                    v[5] / (double) v[0], v[1] == 0 ? 0 : v[6] / (double) v[1]));
        }
    }
}
