package vn.dieuhanh.kpi.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
 * Period scores, computed from the ledger rows of the period and the DMN rules in force (see docs/kpi.md). The rules
 * are the analysts': points per criterion ({@code kpi-weights}), what each fact costs ({@code kpi-penalty}), how an
 * item's costs make a criterion's score ({@code kpi-criterion-score}, a FEEL formula) and the band
 * ({@code kpi-band}). Java gathers the period's rows per item, drops the waived ones, and adds the criteria up:
 * {@code total = general + quantity + quality + progress}. Every score lists the rows behind it.
 */
@Service
@Transactional(readOnly = true)
public class KpiScoring {


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

        /**
         * Scaled to 2 decimals, as the decision rounds it. A ranking scores thousands of subjects whose items look
         * alike (few items, the same few fractions), so each distinct input is evaluated once per deployed version
         * of the decision ({@link KpiRules.Tables#criterionScore}, remembered by DeployedDecisions): the items are put
         * in a canonical order (the formula sees them as a collection, order carries no meaning).
         */
        BigDecimal criterionScore(String criterion, BigDecimal points,
                                  Map<String, Map<String, List<BigDecimal>>> itemFractions, int completed) {
            List<List<BigDecimal>> perItem = new ArrayList<>();
            for (Map<String, List<BigDecimal>> fractions : itemFractions.values()) {
                List<BigDecimal> item = new ArrayList<>(fractions.getOrDefault(criterion, List.of()));
                item.sort(Comparator.naturalOrder());
                perItem.add(List.copyOf(item));
            }
            perItem.sort(Comparator.comparing((List<BigDecimal> item) -> item.size())
                    .thenComparing(Object::toString));
            return round(tables.criterionScore(criterion, points, List.copyOf(perItem), completed));
        }
    }

    public Score unit(String unitCode, Period period) {
        List<LedgerRow> rows = facts(period, LedgerRow::unitCode).getOrDefault(unitCode, List.of());
        return score(new RuleSnapshot(SubjectKind.UNIT), unitCode, rows, period, waiversOf(rows),
                directory::unit);
    }

    public Score official(String userId, Period period) {
        List<LedgerRow> rows = facts(period, LedgerRow::official).getOrDefault(userId, List.of());
        return score(new RuleSnapshot(SubjectKind.OFFICIAL), userId, rows, period, waiversOf(rows),
                directory::unit);
    }

    /** Units with facts in the period, best first, ranked citywide and within their kind (wards, departments...). */
    public List<Ranked> unitRanking(Period period, String kind) {
        RuleSnapshot snapshot = new RuleSnapshot(SubjectKind.UNIT);
        List<Score> scores = scores(snapshot, facts(period, LedgerRow::unitCode), period);
        List<Ranked> ranked = rank(scores, Score::unitKind);
        return kind == null ? ranked
                : ranked.stream().filter(r -> kind.equalsIgnoreCase(r.score().unitKind())).toList();
    }

    /** Officials with facts in the period, best first; within kind = within their unit. */
    public List<Ranked> officialRanking(Period period, String unitCode) {
        RuleSnapshot snapshot = new RuleSnapshot(SubjectKind.OFFICIAL);
        List<Score> scores = scores(snapshot, facts(period, LedgerRow::official), period);
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

    /**
     * The scores of every subject of a ranking from a fixed number of statements, whatever the number of subjects:
     * the period's rows, their waivers and the directory's units are each read once (formerly a waiver query and a
     * unit query per subject, about 2 x 190 statements for the unit ranking).
     */
    private List<Score> scores(RuleSnapshot snapshot, Map<String, List<LedgerRow>> facts, Period period) {
        Map<Long, LedgerRow> waivers = facts.isEmpty() ? Map.of()
                : byWaivedRow(ledger.waiversOfPeriod(period.from(), period.to()));
        Map<String, Unit> units = facts.isEmpty() ? Map.of()
                : directory.units(Optional.empty()).stream()
                        .collect(Collectors.toMap(Unit::code, Function.identity(), (a, b) -> a));
        return facts.entrySet().stream()
                .map(e -> score(snapshot, e.getKey(), e.getValue(), period, waivers,
                        code -> Optional.ofNullable(units.get(code))))
                .toList();
    }

    private Map<Long, LedgerRow> waiversOf(List<LedgerRow> rows) {
        return byWaivedRow(ledger.waiversOf(rows.stream().map(LedgerRow::id).toList()));
    }

    /** The first waiver (by id) of each waived row. */
    private static Map<Long, LedgerRow> byWaivedRow(List<LedgerRow> waivers) {
        return waivers.stream().collect(Collectors.toMap(LedgerRow::waivesId, Function.identity(), (a, b) -> a));
    }

    /** Fact rows (not waivers) of the period by subject. */
    private Map<String, List<LedgerRow>> facts(Period period, Function<LedgerRow, String> subject) {
        return ledger.between(period.from(), period.to()).stream()
                .filter(r -> r.kind() != LedgerKind.WAIVER && subject.apply(r) != null)
                .collect(Collectors.groupingBy(subject, LinkedHashMap::new, Collectors.toList()));
    }

    private Score score(RuleSnapshot snapshot, String subject, List<LedgerRow> rows, Period period,
                        Map<Long, LedgerRow> waivers, Function<String, Optional<Unit>> units) {
        SubjectKind kind = snapshot.kind;
        KpiRules.Weights w = snapshot.weights;
        List<ScoredRow> scored = new ArrayList<>();
        // per item, per criterion: the fractions of its non-waived facts (how they count is kpi-criterion-score's)
        Map<String, Map<String, List<BigDecimal>>> itemFractions = new LinkedHashMap<>();
        TreeSet<String> completed = new TreeSet<>();
        for (LedgerRow row : rows) {
            KpiRules.Penalty p = snapshot.penalty(row.kind());
            LedgerRow waiver = waivers.get(row.id());
            scored.add(new ScoredRow(row, p.criterion(), p.fraction(), waiver != null,
                    waiver == null ? null : waiver.id(), waiver == null ? null : waiver.reason(),
                    waiver == null ? null : waiver.actor()));
            Map<String, List<BigDecimal>> fractions = itemFractions.computeIfAbsent(row.itemId(), k -> new HashMap<>());
            if (row.kind() == LedgerKind.COMPLETED_ON_TIME || row.kind() == LedgerKind.COMPLETED_LATE) {
                completed.add(row.itemId());
            }
            if (waiver == null && p.fraction().signum() > 0) {
                fractions.computeIfAbsent(p.criterion(), k -> new ArrayList<>()).add(p.fraction());
            }
        }
        int items = itemFractions.size();
        BigDecimal quantity = snapshot.criterionScore(KpiRules.Penalty.QUANTITY, w.quantity(), itemFractions,
                completed.size());
        BigDecimal quality = snapshot.criterionScore(KpiRules.Penalty.QUALITY, w.quality(), itemFractions,
                completed.size());
        BigDecimal progress = snapshot.criterionScore(KpiRules.Penalty.PROGRESS, w.progress(), itemFractions,
                completed.size());
        BigDecimal general = round(w.general());
        BigDecimal total = general.add(quantity).add(quality).add(progress);
        KpiRules.Band band = snapshot.band(total);
        String unitCode = kind == SubjectKind.UNIT ? subject
                : rows.stream().map(LedgerRow::unitCode).filter(Objects::nonNull).reduce((a, b) -> b).orElse(null);
        Unit unit = unitCode == null ? null : units.apply(unitCode).orElse(null);
        return new Score(kind, subject, unitCode, unit == null ? null : unit.name(),
                unit == null ? null : unit.kind().code(), period.label(), items, completed.size(), general, quantity,
                quality, progress, total, band.code(), band.label(), List.copyOf(scored));
    }

    private static BigDecimal round(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }
}
