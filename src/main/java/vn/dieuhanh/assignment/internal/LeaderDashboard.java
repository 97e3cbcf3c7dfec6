package vn.dieuhanh.assignment.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitKind;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.Roles;

/**
 * The leaders' dashboard (issue 16): the four status buckets plus "due soon", by unit, by source, by assigning
 * leader and week by week (of the deadline), and the overdue list, filtered by unit kind, source and period.
 * <p>
 * Scope: City PC leaders, the City PC Office's officials and administrators see the whole city; a unit's head (or
 * deputy head) sees his unit, broken down by the divisions that hold its work; everyone else is refused (403). The
 * counts are aggregated in the database with the one bucket definition ({@link StatusBuckets}), three statements per
 * view whatever the number of assignments (docs/performance.md, "Leaders' dashboard").
 */
@Service
@Transactional(readOnly = true)
public class LeaderDashboard {

    static final int OVERDUE_SHOWN = 50;
    static final int WEEKS_BEFORE = 8;
    static final int WEEKS_AFTER = 3;
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("dd/MM");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Whose work a view counts: the whole city, or one unit (unitCode). */
    public record Scope(String unitCode, String unitName) {

        static final Scope CITY = new Scope(null, null);

        public boolean citywide() {
            return unitCode == null;
        }

        public String label() {
            return citywide() ? "Toàn Thành phố" : unitName;
        }
    }

    public record UnitRow(String code, String name, String kindLabel, BucketCounts counts) {
    }

    public record SourceRow(String code, String label, BucketCounts counts) {
    }

    public record LeaderRow(String userId, String name, String unitName, BucketCounts counts) {
    }

    public record WeekRow(LocalDate monday, String label, BucketCounts counts) {
    }

    public record OverdueItem(String id, String title, String unitCode, String unitName, String holderName,
                              String assignedBy, String assignedByName, String sourceLabel, String deadlineText, long daysOverdue) {
    }

    public record View(Scope scope, DashboardFilter filter, BucketCounts totals, List<UnitRow> units,
                       List<SourceRow> sources, List<LeaderRow> leaders, List<WeekRow> weeks,
                       List<OverdueItem> overdue, String asOf) {
    }

    private final DashboardRepository repository;
    private final OrganisationDirectory directory;
    private final StatusBuckets buckets;
    private final IdentityService identityService;

    LeaderDashboard(DashboardRepository repository, OrganisationDirectory directory, StatusBuckets buckets,
                    IdentityService identityService) {
        this.repository = repository;
        this.directory = directory;
        this.buckets = buckets;
        this.identityService = identityService;
    }

    /** The authenticated caller's scope, or 403. */
    public Scope callerScope() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new Forbidden("Chưa đăng nhập (not authenticated)");
        }
        return scopeOf(authentication.getUserId(),
                authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
    }

    Scope scopeOf(String userId, List<String> groupIds) {
        if (Roles.isAdministrator(groupIds) || groupIds.contains(Roles.LEADER) || groupIds.contains(Roles.CITY_OFFICE)) {
            return Scope.CITY;
        }
        Optional<Official> official = directory.official(userId);
        if (official.isPresent()) {
            Official o = official.get();
            Optional<Unit> unit = directory.unit(o.unitCode());
            boolean cityUnit = unit.map(u -> u.kind() == UnitKind.OFFICE || u.kind() == UnitKind.CITY_LEADERSHIP)
                    .orElse(false);
            if (o.role() == Role.LEADER || cityUnit) {
                return Scope.CITY;
            }
            if ((o.role() == Role.HEAD || o.role() == Role.DEPUTY) && unit.isPresent()) {
                return new Scope(o.unitCode(), unit.get().name());
            }
        }
        throw new Forbidden("Chỉ lãnh đạo UBND Thành phố, Văn phòng UBND Thành phố và thủ trưởng đơn vị xem được "
                + "bảng điều hành (the dashboard is for City PC leaders, the City PC Office and unit heads)");
    }

    /** The caller's dashboard now (engine clock). */
    public View view(DashboardFilter filter) {
        return view(callerScope(), filter, buckets.now());
    }

    View view(Scope scope, DashboardFilter filter, Instant now) {
        List<Unit> units = directory.units(Optional.ofNullable(filter.unitKind()));
        DashboardRepository.Criteria criteria = criteria(scope, filter, units);

        // one statement for the three groupings: by unit (or division), by source, by assigning leader
        List<DashboardRepository.Combination> combinations = repository.countsByGroupSourceLeader(
                scope.citywide() ? "unit_code" : "holder_group", criteria, now);
        Map<String, BucketCounts> byGroup = new LinkedHashMap<>();
        Map<String, BucketCounts> bySource = new LinkedHashMap<>();
        Map<String, BucketCounts> byLeader = new LinkedHashMap<>();
        for (DashboardRepository.Combination c : combinations) {
            byGroup.merge(c.group(), c.counts(), BucketCounts::plus);
            bySource.merge(c.source(), c.counts(), BucketCounts::plus);
            byLeader.merge(c.assignedBy(), c.counts(), BucketCounts::plus);
        }
        List<UnitRow> unitRows = scope.citywide() ? byUnit(units, byGroup) : byDivision(scope, byGroup);
        BucketCounts totals = unitRows.stream().map(UnitRow::counts).reduce(BucketCounts.ZERO, BucketCounts::plus);

        List<SourceRow> sources = new ArrayList<>();
        for (WorkSource source : WorkSource.values()) {
            sources.add(new SourceRow(source.name(), source.label(),
                    bySource.getOrDefault(source.name(), BucketCounts.ZERO)));
        }

        Map<String, Official> officials = new LinkedHashMap<>(directory.officialsById(byLeader.keySet()));
        Map<String, String> unitNames = unitNames(units);
        List<LeaderRow> leaders = new ArrayList<>();
        byLeader.forEach((userId, counts) -> {
            Official o = officials.get(userId);
            leaders.add(new LeaderRow(userId, o == null ? userId : o.fullName(),
                    o == null ? null : unitNames.getOrDefault(o.unitCode(), o.unitCode()), counts));
        });
        leaders.sort(Comparator.comparingLong((LeaderRow l) -> -l.counts().total()).thenComparing(LeaderRow::name));

        List<WeekRow> weeks = weeks(filter, criteria, now);
        List<OverdueItem> overdue = overdue(criteria, now, unitNames);
        return new View(scope, filter, totals, unitRows, sources, leaders, weeks, overdue,
                now.atZone(WorkingCalendar.ZONE).format(DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")));
    }

    private DashboardRepository.Criteria criteria(Scope scope, DashboardFilter filter, List<Unit> kindUnits) {
        List<String> units = filter.unitKind() == null ? null : kindUnits.stream().map(Unit::code).toList();
        DashboardPeriod period = filter.period();
        return new DashboardRepository.Criteria(scope.unitCode(), units, filter.source(),
                period == null ? null : period.start(), period == null ? null : period.end());
    }

    /** Every active unit (of the kind), with zeros where it has no work, then any other unit that has some. */
    private List<UnitRow> byUnit(List<Unit> units, Map<String, BucketCounts> byUnit) {
        Map<String, BucketCounts> counts = new LinkedHashMap<>(byUnit);
        List<UnitRow> rows = new ArrayList<>();
        for (Unit unit : units) {
            rows.add(new UnitRow(unit.code(), unit.name(), unit.kind().label(),
                    Optional.ofNullable(counts.remove(unit.code())).orElse(BucketCounts.ZERO)));
        }
        counts.forEach((code, c) -> rows.add(new UnitRow(code, code, "Đơn vị không còn hoạt động", c)));
        return rows;
    }

    /** One unit's work by who holds it: the unit itself (not delegated yet) and each of its divisions. */
    private List<UnitRow> byDivision(Scope scope, Map<String, BucketCounts> byHolder) {
        Map<String, BucketCounts> counts = new LinkedHashMap<>(byHolder);
        List<UnitRow> rows = new ArrayList<>();
        rows.add(new UnitRow(scope.unitCode(), scope.unitName(), "Cấp đơn vị (chưa giao phòng)",
                Optional.ofNullable(counts.remove(scope.unitCode())).orElse(BucketCounts.ZERO)));
        for (Division division : directory.divisions(scope.unitCode())) {
            rows.add(new UnitRow(division.code(), division.name(), "Phòng, ban",
                    Optional.ofNullable(counts.remove(division.code())).orElse(BucketCounts.ZERO)));
        }
        counts.forEach((code, c) -> rows.add(new UnitRow(code, code, "Khác", c)));
        return rows;
    }

    private List<WeekRow> weeks(DashboardFilter filter, DashboardRepository.Criteria criteria, Instant now) {
        LocalDate first;
        LocalDate last;
        if (filter.period() != null) {
            first = filter.period().from();
            last = filter.period().to();
        } else {
            LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
            first = today.minusWeeks(WEEKS_BEFORE);
            last = today.plusWeeks(WEEKS_AFTER);
        }
        LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> mondays = new ArrayList<>();
        for (LocalDate m = monday; !m.isAfter(last); m = m.plusWeeks(1)) {
            mondays.add(m);
        }
        List<OffsetDateTime> boundaries = new ArrayList<>();
        mondays.forEach(m -> boundaries.add(m.atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime()));
        boundaries.add(mondays.get(mondays.size() - 1).plusWeeks(1).atStartOfDay(WorkingCalendar.ZONE)
                .toOffsetDateTime());
        Map<Integer, BucketCounts> counts = repository.countsByWeek(boundaries, criteria, now);
        List<WeekRow> rows = new ArrayList<>();
        for (int i = 0; i < mondays.size(); i++) {
            LocalDate m = mondays.get(i);
            rows.add(new WeekRow(m, "T" + m.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR) + " (" + m.format(DAY_MONTH) + ")",
                    counts.getOrDefault(i, BucketCounts.ZERO)));
        }
        return rows;
    }

    private List<OverdueItem> overdue(DashboardRepository.Criteria criteria, Instant now,
                                      Map<String, String> unitNames) {
        List<DashboardRepository.OverdueRow> rows = repository.overdue(criteria, now, OVERDUE_SHOWN);
        Set<String> people = new HashSet<>();
        rows.forEach(r -> {
            people.add(r.assignedBy());
            if (r.holderUser() != null) {
                people.add(r.holderUser());
            }
        });
        Map<String, Official> officials = directory.officialsById(people);
        Map<String, String> groupNames = new LinkedHashMap<>(unitNames);
        LocalDate today = now.atZone(WorkingCalendar.ZONE).toLocalDate();
        List<OverdueItem> items = new ArrayList<>();
        for (DashboardRepository.OverdueRow r : rows) {
            String holder = r.holderUser() != null
                    ? Optional.ofNullable(officials.get(r.holderUser())).map(Official::fullName).orElse(r.holderUser())
                    : groupName(r.holderGroup(), r.unitCode(), groupNames);
            String assigner = Optional.ofNullable(officials.get(r.assignedBy())).map(Official::fullName)
                    .orElse(r.assignedBy());
            LocalDate deadlineDay = r.deadline().atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate();
            String unitName = groupNames.computeIfAbsent(r.unitCode(),
                    code -> directory.unit(code).map(Unit::name).orElse(code));
            items.add(new OverdueItem(r.id(), r.title(), r.unitCode(), unitName, holder, r.assignedBy(), assigner, r.source().label(), deadlineDay.format(DATE),
                    Math.max(1, ChronoUnit.DAYS.between(deadlineDay, today))));
        }
        return items;
    }

    private String groupName(String group, String unitCode, Map<String, String> names) {
        if (names.containsKey(group)) {
            return names.get(group);
        }
        if (group.equals(unitCode)) {
            return names.computeIfAbsent(unitCode, code -> directory.unit(code).map(Unit::name).orElse(code));
        }
        // a division: its unit's divisions are read once per unit
        for (Division division : directory.divisions(unitCode)) {
            names.put(division.code(), division.name());
        }
        return names.getOrDefault(group, group);
    }

    private Map<String, String> unitNames(List<Unit> filtered) {
        Map<String, String> names = new LinkedHashMap<>();
        List<Unit> all = filtered.size() >= 150 ? filtered : directory.units(Optional.empty());
        all.forEach(u -> names.put(u.code(), u.name()));
        if (all != filtered) {
            filtered.forEach(u -> names.put(u.code(), u.name()));
        }
        return names;
    }

    /** The units table sorted by a column (name, ontime, late, open, overdue, pct), ascending or descending. */
    public static List<UnitRow> sorted(List<UnitRow> rows, String column, boolean descending) {
        Comparator<UnitRow> order = switch (column == null ? "" : column) {
            case "ontime" -> Comparator.comparingLong(r -> r.counts().onTime());
            case "late" -> Comparator.comparingLong(r -> r.counts().late());
            case "open" -> Comparator.comparingLong(r -> r.counts().open());
            case "overdue" -> Comparator.comparingLong(r -> r.counts().overdue());
            case "pct" -> Comparator.comparing((UnitRow r) -> r.counts().percentOnTime(),
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case "name" -> Comparator.comparing(UnitRow::name, java.text.Collator.getInstance(
                    java.util.Locale.forLanguageTag("vi")));
            default -> null;
        };
        if (order == null) {
            return rows;
        }
        List<UnitRow> sorted = new ArrayList<>(rows);
        sorted.sort(descending ? order.reversed() : order);
        return sorted;
    }
}
