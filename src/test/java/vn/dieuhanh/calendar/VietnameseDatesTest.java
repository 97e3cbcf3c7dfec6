package vn.dieuhanh.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class VietnameseDatesTest {

    @Test
    void writesAnEndOfDayDeadlineAsTheWholeDay() {
        assertThat(VietnameseDates.deadline(OffsetDateTime.parse("2026-02-24T23:59:59+07:00")))
                .isEqualTo("hết ngày 24/02/2026 (thứ Ba)");
    }

    @Test
    void writesOtherInstantsInVietnamTimeWhateverTheirOffset() {
        assertThat(VietnameseDates.deadline(OffsetDateTime.parse("2026-03-08T09:30:00Z")))
                .isEqualTo("16 giờ 30 ngày 08/03/2026 (Chủ nhật)");
    }
}
