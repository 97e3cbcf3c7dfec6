package vn.dieuhanh.kpi.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.kpi.Period;
import vn.dieuhanh.kpi.SubjectKind;

/**
 * Recomputes and stores the rankings of a period ({@code kpi_score}), replacing the previous computation of that
 * period in one transaction. Run nightly by {@link KpiNightlyJob} for the month, quarter and year of the day, and on
 * demand.
 */
@Service
@Transactional
public class KpiSnapshots {

    private final KpiScoring scoring;
    private final JdbcClient jdbc;
    private final Clock clock;

    public KpiSnapshots(KpiScoring scoring, JdbcClient jdbc, Clock clock) {
        this.scoring = scoring;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A stored score of the ranking, as the nightly recomputation left it. */
    public record Published(int rank, Integer rankInGroup, String subject, String unitCode, String unitKind, int items,
                            java.math.BigDecimal total, String band, java.time.OffsetDateTime computedAt) {
    }

    /** The stored ranking of a period (best first); {@code unitCode} keeps one unit's subjects. */
    @Transactional(readOnly = true)
    public List<Published> published(Period period, SubjectKind kind, String unitCode) {
        return jdbc.sql("""
                        SELECT rank_citywide, rank_in_group, subject, unit_code, unit_kind, items, total, band, computed_at
                          FROM kpi_score WHERE period = ? AND subject_kind = ? AND (CAST(? AS VARCHAR(100)) IS NULL
                           OR unit_code = ?) ORDER BY rank_citywide, subject""")
                .params(period.label(), kind.name(), unitCode, unitCode)
                .query((rs, n) -> new Published(rs.getInt("rank_citywide"),
                        (Integer) rs.getObject("rank_in_group", Integer.class), rs.getString("subject"),
                        rs.getString("unit_code"), rs.getString("unit_kind"), rs.getInt("items"),
                        rs.getBigDecimal("total"), rs.getString("band"),
                        rs.getObject("computed_at", java.time.OffsetDateTime.class)))
                .list();
    }

    /** The month, quarter and year that contain the day. */
    public static List<Period> periodsOf(LocalDate day) {
        return List.of(Period.parse(String.format("%d-%02d", day.getYear(), day.getMonthValue())),
                Period.parse(day.getYear() + "-Q" + ((day.getMonthValue() - 1) / 3 + 1)),
                Period.parse(String.valueOf(day.getYear())));
    }

    /** Recomputes the periods containing the day; returns how many scores were stored. */
    public int recomputeFor(LocalDate day) {
        int stored = 0;
        for (Period period : periodsOf(day)) {
            stored += recompute(period);
        }
        return stored;
    }

    public int recompute(Period period) {
        jdbc.sql("DELETE FROM kpi_score WHERE period = ?").param(period.label()).update();
        int stored = store(period, SubjectKind.UNIT, scoring.unitRanking(period, null));
        return stored + store(period, SubjectKind.OFFICIAL, scoring.officialRanking(period, null));
    }

    private int store(Period period, SubjectKind kind, List<KpiScoring.Ranked> ranking) {
        var now = OffsetDateTime.now(clock);
        for (KpiScoring.Ranked r : ranking) {
            KpiScoring.Score s = r.score();
            jdbc.sql("""
                            INSERT INTO kpi_score (period, subject_kind, subject, unit_code, unit_kind, items, total, band,
                                                   rank_citywide, rank_in_group, computed_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(period.label(), kind.name(), s.subject(), s.unitCode(), s.unitKind(), s.items(),
                            s.total(), s.band(), r.rank(), r.rankInKind(), now)
                    .update();
        }
        return ranking.size();
    }
}
