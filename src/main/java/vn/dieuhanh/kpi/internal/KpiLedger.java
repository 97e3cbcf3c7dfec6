package vn.dieuhanh.kpi.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dieuhanh.kpi.LedgerKind;
import vn.dieuhanh.kpi.LedgerRow;

/**
 * The append-only ledger. Writes are a conditional {@code INSERT ... SELECT ... WHERE NOT EXISTS} on the unique key,
 * so a duplicate is a no-op instead of a failed statement (which would abort a PostgreSQL transaction); the unique
 * constraint still guards against two concurrent writers.
 */
@Repository
public class KpiLedger {

    /** Periods are counted in Vietnamese local dates. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String COLUMNS = "id, dedup_key, kind, rule, item_id, unit_code, official, period_day, "
            + "amount, occurred_at, recorded_at, waives_id, actor, reason";

    private final JdbcClient jdbc;
    private final Clock clock;

    public KpiLedger(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records a fact unless its key is there already; true if a row was written. */
    public boolean record(String dedupKey, LedgerKind kind, String itemId, String unitCode, String official,
                          Instant occurredAt) {
        return insert(dedupKey, kind, itemId, unitCode, official, occurredAt, null, null, null);
    }

    boolean insert(String dedupKey, LedgerKind kind, String itemId, String unitCode, String official,
                   Instant occurredAt, Long waivesId, String actor, String reason) {
        int rows = jdbc.sql("""
                        INSERT INTO kpi_ledger (dedup_key, kind, rule, item_id, unit_code, official, period_day, amount,
                                                occurred_at, recorded_at, waives_id, actor, reason)
                        SELECT CAST(? AS VARCHAR(300)), CAST(? AS VARCHAR(40)), CAST(? AS VARCHAR(100)),
                               CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(100)), CAST(? AS VARCHAR(150)),
                               CAST(? AS DATE), CAST(? AS DECIMAL(12, 4)), CAST(? AS TIMESTAMP WITH TIME ZONE),
                               CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS BIGINT), CAST(? AS VARCHAR(150)),
                               CAST(? AS VARCHAR(2000))
                         WHERE NOT EXISTS (SELECT 1 FROM kpi_ledger WHERE dedup_key = ?)""")
                .params(dedupKey, kind.name(), kind.rule(), itemId, unitCode, official,
                        LocalDate.ofInstant(occurredAt, ZONE), BigDecimal.ONE, occurredAt.atOffset(ZoneOffset.UTC),
                        OffsetDateTime.now(clock), waivesId, actor, reason, dedupKey)
                .update();
        return rows == 1;
    }

    public Optional<LedgerRow> get(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_ledger WHERE id = ?").param(id).query(KpiLedger::row)
                .optional();
    }

    public Optional<LedgerRow> byKey(String dedupKey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_ledger WHERE dedup_key = ?").param(dedupKey)
                .query(KpiLedger::row).optional();
    }

    public List<LedgerRow> ofItem(String itemId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_ledger WHERE item_id = ? ORDER BY id").param(itemId)
                .query(KpiLedger::row).list();
    }

    /** Every row (facts and waivers) dated within [from, to]. */
    public List<LedgerRow> between(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_ledger WHERE period_day BETWEEN ? AND ? ORDER BY id")
                .params(from, to).query(KpiLedger::row).list();
    }

    /** Waivers of the given rows, whenever they were granted. */
    public List<LedgerRow> waiversOf(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_ledger WHERE kind = 'WAIVER' AND waives_id IN (" + marks
                + ") ORDER BY id").params(ids.toArray()).query(KpiLedger::row).list();
    }

    /**
     * Waivers, whenever they were granted, of the rows of a period ({@link #between}): one statement for a whole
     * ranking, instead of {@link #waiversOf} once per subject.
     */
    public List<LedgerRow> waiversOfPeriod(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM kpi_ledger WHERE kind = 'WAIVER' AND waives_id IN ("
                + "SELECT id FROM kpi_ledger WHERE period_day BETWEEN ? AND ?) ORDER BY id")
                .params(from, to).query(KpiLedger::row).list();
    }

    private static LedgerRow row(ResultSet rs, int n) throws SQLException {
        long waives = rs.getLong("waives_id");
        Long waivesId = rs.wasNull() ? null : waives;
        return new LedgerRow(rs.getLong("id"), rs.getString("dedup_key"), LedgerKind.valueOf(rs.getString("kind")),
                rs.getString("rule"), rs.getString("item_id"), rs.getString("unit_code"), rs.getString("official"),
                rs.getObject("period_day", LocalDate.class), rs.getBigDecimal("amount"),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), waivesId, rs.getString("actor"),
                rs.getString("reason"));
    }
}
