package vn.dieuhanh.kpi.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.kpi.LedgerKind;
import vn.dieuhanh.kpi.LedgerRow;
import vn.dieuhanh.kpi.Period;
import vn.dieuhanh.kpi.SubjectKind;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;

/**
 * Period scores, computed from the ledger rows of the period and the DMN rules in force (see docs/kpi.md):
 * <pre>
 * total    = general + quantity + quality + progress
 * quantity = W_quantity * completed items / items
 * quality  = W_quality  - sum over items of W_quality  / items * (largest non-waived QUALITY fraction of the item)
 * progress = W_progress - sum over items of W_progress / items * (largest non-waived PROGRESS fraction of the item)
 * </pre>
 * A subject with no items in the period keeps every point. Every score lists the rows behind it.
 */
@Service
@Transactional(readOnly = true)
public class KpiScoring {

    private static final MathContext MC = MathContext.DECIMAL64;

    /** A ledger row as it counted: the criterion and fraction DMN gave it and whether a waiver cancelled it. */
    public record ScoredRow(LedgerRow row, String criterion, BigDecimal fraction, boolean waived, Long waiverId,
                            String waiverReason, String waivedBy) {
    }

    public record Score(SubjectKind subjectKind, String subject, String unitCode, String unitName, String unitKind,
                        String period, int items, int completedItems, BigDecimal general, BigDecimal quantity,
                        BigDecimal quality, BigDecimal progress, BigDecimal total, String band, String bandLabel,
                        List<ScoredRow> rows) {
    }

    public record Ranked(int rank, Integer rankInKind, Score score) {
    }

    private final KpiLedger ledger;
    private final KpiRules rules;
    private final OrganisationDirectory directory;

    public KpiScoring(KpiLedger ledger, KpiRules rules, OrganisationDirectory directory) {
        this.ledger = ledger;
        this.rules = rules;
        this.directory = directory;
    }

    /** One version of the tables per computation, each rule evaluated once per request. */
    private final class RuleSnapshot {
        final SubjectKind kind;
        final KpiRules.Tables tables = rules.current();
        final KpiRules.Weights weights;
        final Map<LedgerKind, KpiRules.Penalty> penalties = new EnumMap<>(LedgerKind.class);

        RuleSnapshot(SubjectKind kind) {
            this.kind = kind;
            this.weights = tables.weights(kind);
        }

        final Map<BigDecimal, KpiRules.Band> bands = new HashMap<>();

        KpiRules.Penalty penalty(LedgerKind fact) {
            return penalties.computeIfAbsent(fact, k -> tables.penalty(kind, k));
        }

        KpiRules.Band band(BigDecimal total) {
            return bands.computeIfAbsent(total, tables::band);
        }
    }

    public Score unit(String unitCode, Period period) {
        return score(new RuleSnapshot(SubjectKind.UNIT), unitCode,
                facts(period, LedgerRow::unitCode).getOrDefault(unitCode, List.of()), period);
    }

    public Score official(String userId, Period period) {
        return score(new RuleSnapshot(SubjectKind.OFFICIAL), userId,
                facts(period, LedgerRow::official).getOrDefault(userId, List.of()), period);
    }

    /** Units with facts in the period, best first, ranked citywide and within their kind (wards, departments...). */
    public List<Ranked> unitRanking(Period period, String kind) {
        RuleSnapshot snapshot = new RuleSnapshot(SubjectKind.UNIT);
        List<Score> scores = facts(period, LedgerRow::unitCode).entrySet().stream()
                .map(e -> score(snapshot, e.getKey(), e.getValue(), period)).toList();
        List<Ranked> ranked = rank(scores, Score::unitKind);
        return kind == null ? ranked
                : ranked.stream().filter(r -> kind.equalsIgnoreCase(r.score().unitKind())).toList();
    }

    /** Officials with facts in the period, best first; within kind = within their unit. */
    public List<Ranked> officialRanking(Period period, String unitCode) {
        RuleSnapshot snapshot = new RuleSnapshot(SubjectKind.OFFICIAL);
        List<Score> scores = facts(period, LedgerRow::official).entrySet().stream()
                .map(e -> score(snapshot, e.getKey(), e.getValue(), period)).toList();
        List<Ranked> ranked = rank(scores, Score::unitCode);
        return unitCode == null ? ranked
                : ranked.stream().filter(r -> unitCode.equals(r.score().unitCode())).toList();
    }

    /** Competition ranking (1, 2, 2, 4) by total, then by subject for a stable order. */
    static List<Ranked> rank(List<Score> scores, Function<Score, String> group) {
        List<Score> sorted = new ArrayList<>(scores);
        sorted.sort(Comparator.comparing(Score::total).reversed().thenComparing(Score::subject));
        List<Ranked> result = new ArrayList<>();
        Map<String, List<Score>> seenInGroup = new HashMap<>();
        for (int i = 0; i < sorted.size(); i++) {
            Score s = sorted.get(i);
            int rank = i > 0 && sorted.get(i - 1).total().compareTo(s.total()) == 0 ? result.get(i - 1).rank() : i + 1;
            Integer rankInGroup = null;
            String g = group.apply(s);
            if (g != null) {
                List<Score> before = seenInGroup.computeIfAbsent(g, k -> new ArrayList<>());
                rankInGroup = (int) before.stream().filter(b -> b.total().compareTo(s.total()) > 0).count() + 1;
                before.add(s);
            }
            result.add(new Ranked(rank, rankInGroup, s));
        }
        return result;
    }

    /** Fact rows (not waivers) of the period by subject. */
    private Map<String, List<LedgerRow>> facts(Period period, Function<LedgerRow, String> subject) {
        return ledger.between(period.from(), period.to()).stream()
                .filter(r -> r.kind() != LedgerKind.WAIVER && subject.apply(r) != null)
                .collect(Collectors.groupingBy(subject, LinkedHashMap::new, Collectors.toList()));
    }

    private Score score(RuleSnapshot snapshot, String subject, List<LedgerRow> rows, Period period) {
        SubjectKind kind = snapshot.kind;
        KpiRules.Weights w = snapshot.weights;
        Map<Long, LedgerRow> waivers = ledger.waiversOf(rows.stream().map(LedgerRow::id).toList()).stream()
                .collect(Collectors.toMap(LedgerRow::waivesId, Function.identity(), (a, b) -> a));
        List<ScoredRow> scored = new ArrayList<>();
        // per item, per criterion: the largest non-waived fraction
        Map<String, Map<String, BigDecimal>> itemLoss = new LinkedHashMap<>();
        TreeSet<String> completed = new TreeSet<>();
        for (LedgerRow row : rows) {
            KpiRules.Penalty p = snapshot.penalty(row.kind());
            LedgerRow waiver = waivers.get(row.id());
            scored.add(new ScoredRow(row, p.criterion(), p.fraction(), waiver != null,
                    waiver == null ? null : waiver.id(), waiver == null ? null : waiver.reason(),
                    waiver == null ? null : waiver.actor()));
            Map<String, BigDecimal> loss = itemLoss.computeIfAbsent(row.itemId(), k -> new HashMap<>());
            if (row.kind() == LedgerKind.COMPLETED_ON_TIME || row.kind() == LedgerKind.COMPLETED_LATE) {
                completed.add(row.itemId());
            }
            if (waiver == null && p.fraction().signum() > 0) {
                loss.merge(p.criterion(), p.fraction().min(BigDecimal.ONE), BigDecimal::max);
            }
        }
        int items = itemLoss.size();
        BigDecimal quantity = w.quantity();
        BigDecimal quality = w.quality();
        BigDecimal progress = w.progress();
        if (items > 0) {
            BigDecimal n = BigDecimal.valueOf(items);
            quantity = w.quantity().multiply(BigDecimal.valueOf(completed.size()), MC).divide(n, MC);
            quantity = quantity.subtract(lost(itemLoss, KpiRules.Penalty.QUANTITY, w.quantity(), n), MC);
            quality = quality.subtract(lost(itemLoss, KpiRules.Penalty.QUALITY, w.quality(), n), MC);
            progress = progress.subtract(lost(itemLoss, KpiRules.Penalty.PROGRESS, w.progress(), n), MC);
        }
        quantity = round(quantity.max(BigDecimal.ZERO));
        quality = round(quality.max(BigDecimal.ZERO));
        progress = round(progress.max(BigDecimal.ZERO));
        BigDecimal general = round(w.general());
        BigDecimal total = general.add(quantity).add(quality).add(progress);
        KpiRules.Band band = snapshot.band(total);
        String unitCode = kind == SubjectKind.UNIT ? subject
                : rows.stream().map(LedgerRow::unitCode).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        Unit unit = unitCode == null ? null : directory.unit(unitCode).orElse(null);
        return new Score(kind, subject, unitCode, unit == null ? null : unit.name(),
                unit == null ? null : unit.kind().code(), period.label(), items, completed.size(), general, quantity,
                quality, progress, total, band.code(), band.label(), List.copyOf(scored));
    }

    private static BigDecimal lost(Map<String, Map<String, BigDecimal>> itemLoss, String criterion,
                                   BigDecimal weight, BigDecimal items) {
        BigDecimal sum = BigDecimal.ZERO;
        for (Map<String, BigDecimal> loss : itemLoss.values()) {
            sum = sum.add(loss.getOrDefault(criterion, BigDecimal.ZERO));
        }
        return weight.multiply(sum, MC).divide(items, MC);
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
