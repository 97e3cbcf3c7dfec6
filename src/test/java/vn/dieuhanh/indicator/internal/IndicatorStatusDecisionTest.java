package vn.dieuhanh.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The analysts' table {@code processes/indicator/indicator-status.dmn}, rule by rule, as the application reads it. */
class IndicatorStatusDecisionTest {

    static IndicatorStatusRules.Evaluator rules;

    @BeforeAll
    static void readTheShippedTable() throws IOException {
        try (InputStream dmn = IndicatorStatusDecisionTest.class.getClassLoader()
                .getResourceAsStream("processes/indicator/indicator-status.dmn")) {
            rules = IndicatorStatusRules.evaluator(dmn);
        }
    }

    @ParameterizedTest(name = "plan {0}, reported {1}, {2}, achieved {3} of expected {4} -> {5}")
    @CsvSource(nullValues = "null", value = {
            // hasPlan, share, direction,        achieved, expected, status, label
            "false, 1.0,  HIGHER_IS_BETTER, null,  0.25, GREY,   Chưa đánh giá (chưa có kế hoạch năm)",
            "true,  0.49, HIGHER_IS_BETTER, 0.5,   0.25, GREY,   Chưa đánh giá (chưa đủ số liệu báo cáo)",
            "true,  0.5,  HIGHER_IS_BETTER, 1.02,  0.25, GREEN,  Đã đạt kế hoạch năm",
            // pace 0.25 / 0.25 = 1
            "true,  0.5,  HIGHER_IS_BETTER, 0.25,  0.25, GREEN,  Đúng tiến độ",
            // pace 0.23 / 0.25 = 0.92
            "true,  0.8,  HIGHER_IS_BETTER, 0.23,  0.25, ORANGE, 'Đang thực hiện, chậm so với tiến độ'",
            // pace 0.2 / 0.25 = 0.8
            "true,  1.0,  HIGHER_IS_BETTER, 0.2,   0.25, RED,    Có nguy cơ không đạt kế hoạch",
            // levels: expected 1, pace = achieved
            "true,  1.0,  HIGHER_IS_BETTER, 0.9,   1.0,  ORANGE, 'Đang thực hiện, chậm so với tiến độ'",
            "true,  1.0,  LOWER_IS_BETTER,  1.05,  0.25, RED,    Đã vượt mức trần của năm",
            // pace 0.2 / 0.25 = 0.8
            "true,  1.0,  LOWER_IS_BETTER,  0.2,   0.25, GREEN,  Trong mức kiểm soát",
            // pace 0.27 / 0.25 = 1.08
            "true,  1.0,  LOWER_IS_BETTER,  0.27,  0.25, ORANGE, 'Cần theo dõi, vượt tiến độ mức trần'",
            // pace 0.3 / 0.25 = 1.2
            "true,  1.0,  LOWER_IS_BETTER,  0.3,   0.25, RED,    Có nguy cơ vượt mức trần của năm",
            "true,  1.0,  LOWER_IS_BETTER,  0.25,  0.25, GREEN,  Trong mức kiểm soát",
    })
    void eachRule(boolean hasPlan, double share, Direction direction, Double achieved, double expected,
                  String status, String label) {
        assertThat(rules.status(new StatusInputs(hasPlan, share, direction, achieved, expected)))
                .isEqualTo(new IndicatorStatus(status, label));
    }
}
