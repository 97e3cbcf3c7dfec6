package vn.dieuhanh.authority.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import vn.dieuhanh.authority.internal.AuthorityRepository.AuditRow;
import vn.dieuhanh.authority.internal.AuthorityRepository.DelegationRow;
import vn.dieuhanh.authority.internal.AuthorityRepository.RequestRow;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

/**
 * Oversight of signing on the chairman's behalf: what was signed by whom under which decision, the periodic report
 * per ward (by procedure and signer, on-time rate) and city-wide for the Department of Justice, and the audit trail.
 * A request is on time when it was decided (signed or refused) by its deadline.
 */
@Service
class OversightService {

    record SignedOnBehalf(String requestId, String registerBook, Integer registerYear, Integer registerNumber,
                          String taskCode, String applicantName, String signer, String signerName,
                          String signatureBlock, String delegationId, String decisionNumber, LocalDate decisionDate,
                          OffsetDateTime signedAt, boolean onTime) {
    }

    record Line(String taskCode, String signer, String signerName, boolean delegated, int decided, int signed,
                int refused, int onTime, BigDecimal onTimeRate) {
    }

    record WardReport(String unitCode, String unitName, LocalDate from, LocalDate to, int decided, int signed,
                      int refused, int signedOnBehalf, int onTime, BigDecimal onTimeRate, List<Line> lines) {
    }

    record CityLine(String unitCode, String unitName, int decided, int signed, int refused, int signedOnBehalf,
                    int onTime, BigDecimal onTimeRate) {
    }

    record CityReport(LocalDate from, LocalDate to, int decided, int onTime, BigDecimal onTimeRate,
                      List<CityLine> wards) {
    }

    private final AuthorityRepository repository;
    private final WardOffice office;

    OversightService(AuthorityRepository repository, WardOffice office) {
        this.repository = repository;
        this.office = office;
    }

    /** The chairman (and city-wide readers): what delegates signed on his behalf in the period. */
    List<SignedOnBehalf> signedOnBehalf(String unitCode, LocalDate from, LocalDate to) {
        Unit ward = requireChairmanOrCity(unitCode);
        List<SignedOnBehalf> rows = new ArrayList<>();
        for (RequestRow r : repository.decided(ward.code(), start(from, to), end(to))) {
            if (!CertificationService.SIGNED.equals(r.status()) || r.delegationId() == null) {
                continue;
            }
            DelegationRow d = repository.delegation(r.delegationId()).orElseThrow();
            rows.add(new SignedOnBehalf(r.id(), r.registerBook(), r.registerYear(), r.registerNumber(), r.taskCode(),
                    r.applicantName(), r.signer(), r.signerName(), r.signatureBlock(), d.id(), d.decisionNumber(),
                    d.decisionDate(), r.decidedAt(), onTime(r)));
        }
        return rows;
    }

    /** Per ward, by procedure and signer: for the ward's leaders and justice officers, and city-wide readers. */
    WardReport wardReport(String unitCode, LocalDate from, LocalDate to) {
        WardOffice.Caller caller = office.caller();
        Unit ward = office.ward(unitCode);
        boolean wardReader = office.isChairman(ward.code(), caller.userId())
                || office.isViceChairman(ward.code(), caller.userId())
                || office.isJusticeOfficer(ward.code(), caller.userId());
        if (!caller.cityWide() && !wardReader) {
            if (caller.memberOf(ward.code())) {
                throw new Forbidden("Báo cáo chứng thực dành cho lãnh đạo và công chức Tư pháp - Hộ tịch của phường, "
                        + "xã (the report is for the ward's leaders and justice officers)");
            }
            throw new NotFound("Không tìm thấy phường, xã, đặc khu " + unitCode + " (no such ward or commune)");
        }
        Map<String, int[]> counts = new TreeMap<>();
        Map<String, String[]> keys = new TreeMap<>();
        int decided = 0;
        int signed = 0;
        int refused = 0;
        int delegated = 0;
        int onTime = 0;
        for (RequestRow r : repository.decided(ward.code(), start(from, to), end(to))) {
            String key = r.taskCode() + "|" + r.signer();
            int[] c = counts.computeIfAbsent(key, k -> new int[5]);
            keys.putIfAbsent(key, new String[]{r.taskCode(), r.signer(), r.signerName()});
            boolean isSigned = CertificationService.SIGNED.equals(r.status());
            c[0]++;
            c[isSigned ? 1 : 2]++;
            if (onTime(r)) {
                c[3]++;
                onTime++;
            }
            if (r.delegationId() != null) {
                c[4]++;
            }
            decided++;
            if (isSigned) {
                signed++;
                if (r.delegationId() != null) {
                    delegated++;
                }
            } else {
                refused++;
            }
        }
        List<Line> lines = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] k = keys.get(key);
            lines.add(new Line(k[0], k[1], k[2], c[4] > 0, c[0], c[1], c[2], c[3], rate(c[3], c[0])));
        });
        return new WardReport(ward.code(), ward.name(), from, to, decided, signed, refused, delegated, onTime,
                rate(onTime, decided), lines);
    }

    /** City-wide, per ward: for the Department of Justice, City PC leaders and administrators. */
    CityReport cityReport(LocalDate from, LocalDate to) {
        if (!office.caller().cityWide()) {
            throw new Forbidden("Báo cáo chứng thực toàn Thành phố dành cho Sở Tư pháp và lãnh đạo UBND Thành phố "
                    + "(the city-wide report is for the Department of Justice and City PC leaders)");
        }
        Map<String, int[]> counts = new TreeMap<>();
        for (RequestRow r : repository.decidedCitywide(start(from, to), end(to))) {
            int[] c = counts.computeIfAbsent(r.unitCode(), k -> new int[5]);
            boolean isSigned = CertificationService.SIGNED.equals(r.status());
            c[0]++;
            c[isSigned ? 1 : 2]++;
            if (isSigned && r.delegationId() != null) {
                c[3]++;
            }
            if (onTime(r)) {
                c[4]++;
            }
        }
        List<CityLine> wards = new ArrayList<>();
        int decided = 0;
        int onTime = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            wards.add(new CityLine(e.getKey(), office.ward(e.getKey()).name(), c[0], c[1], c[2], c[3], c[4],
                    rate(c[4], c[0])));
            decided += c[0];
            onTime += c[4];
        }
        return new CityReport(from, to, decided, onTime, rate(onTime, decided), wards);
    }

    List<AuditRow> audit(String unitCode, int limit) {
        Unit ward = requireChairmanOrCity(unitCode);
        return repository.audit(ward.code(), Math.max(1, Math.min(limit, 1000)));
    }

    private Unit requireChairmanOrCity(String unitCode) {
        WardOffice.Caller caller = office.caller();
        Unit ward = office.ward(unitCode);
        if (caller.cityWide() || office.isChairman(ward.code(), caller.userId())) {
            return ward;
        }
        if (caller.memberOf(ward.code())) {
            throw new Forbidden("Chỉ Chủ tịch UBND phường, xã xem việc ký thay mình (only the chairman sees what was "
                    + "signed on his behalf)");
        }
        throw new NotFound("Không tìm thấy phường, xã, đặc khu " + unitCode + " (no such ward or commune)");
    }

    static boolean onTime(RequestRow r) {
        return r.decidedAt() != null && !r.decidedAt().isAfter(r.deadline());
    }

    /** Percentage with one decimal, half up; null when nothing was decided. */
    static BigDecimal rate(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP);
    }

    private static OffsetDateTime start(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new InputRejected("Cần kỳ báo cáo hợp lệ: from <= to (a valid period is required)");
        }
        if (from.plusYears(2).isBefore(to)) {
            throw new InputRejected("Kỳ báo cáo không quá 2 năm (the period may not exceed two years)");
        }
        return from.atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime();
    }

    private static OffsetDateTime end(LocalDate to) {
        return to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toOffsetDateTime();
    }
}
