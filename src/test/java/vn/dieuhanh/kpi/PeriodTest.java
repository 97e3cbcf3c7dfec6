package vn.dieuhanh.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void monthsQuartersAndYearsAreLocalDateRanges() {
        assertThat(Period.parse("2026-Q1")).isEqualTo(
                new Period("2026-Q1", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31)));
        assertThat(Period.parse("2026-q4")).isEqualTo(
                new Period("2026-Q4", LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(Period.parse("2028-02")).isEqualTo(
                new Period("2028-02", LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29)));
        assertThat(Period.parse(" 2026 ")).isEqualTo(
                new Period("2026", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void anythingElseIsRefusedWithTheExpectedForms() {
        for (String bad : new String[] {"2026-Q5", "2026-13", "26-Q1", "Q1-2026", ""}) {
            assertThatThrownBy(() -> Period.parse(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("2026-Q1, 2026-03 or 2026");
        }
        assertThatThrownBy(() -> Period.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
