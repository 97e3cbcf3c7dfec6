package vn.dieuhanh.kpi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.kpi.SubjectKind;

class KpiRankingTest {

    @Test
    void equalTotalsShareARankCitywideAndWithinTheirKind() {
        List<KpiScoring.Ranked> ranked = KpiScoring.rank(List.of(
                score("so-y-te", "department", "80.00"), score("phuong-a", "ward", "95.50"),
                score("phuong-b", "ward", "80.00"), score("phuong-c", "ward", "70.25"),
                score("so-tai-chinh", "department", "99.00")), KpiScoring.Score::unitKind);
        assertThat(ranked).extracting(r -> r.score().subject() + " " + r.rank() + " " + r.rankInKind())
                .containsExactly("so-tai-chinh 1 1", "phuong-a 2 1", "phuong-b 3 2", "so-y-te 3 2",
                        "phuong-c 5 3");
    }

    private static KpiScoring.Score score(String code, String kind, String total) {
        return new KpiScoring.Score(SubjectKind.UNIT, code, code, code, kind, "2026-Q1", 1, 1, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(total), "GOOD", "", List.of());
    }
}
