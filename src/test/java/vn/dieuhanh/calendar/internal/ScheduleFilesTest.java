package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import vn.dieuhanh.calendar.DayKind;

class ScheduleFilesTest {

    @Test
    void shippedFilesLoadWithSources() {
        var schedules = ScheduleFiles.load(ScheduleFiles.LOCATION);
        assertThat(schedules).containsKeys(2025, 2026);
        assertThat(schedules.values()).allSatisfy(entries ->
                assertThat(entries).allSatisfy(entry -> assertThat(entry.source()).isNotBlank()));
        assertThat(schedules.get(2025)).anySatisfy(entry -> {
            assertThat(entry.date()).isEqualTo(LocalDate.of(2025, 4, 26));
            assertThat(entry.kind()).isEqualTo(DayKind.MAKEUP_WORKING_DAY);
            assertThat(entry.source()).contains("6150/TB-BLĐTBXH");
        });
    }

    @Test
    void quotedAndUnquotedDatesAreRead() {
        var parsed = parse("""
                year: 2031
                entries:
                  - date: 2031-04-30
                    kind: holiday
                    group: reunification
                    name: Ngày Chiến thắng
                    source: test
                  - date: "2031-05-01"
                    kind: HOLIDAY
                    group: LABOUR_DAY
                    name: Ngày Quốc tế Lao động
                    source: test
                """);
        assertThat(parsed.entries()).extracting(ScheduleEntry::date)
                .containsExactly(LocalDate.of(2031, 4, 30), LocalDate.of(2031, 5, 1));
    }

    @Test
    void brokenFilesAreRejectedWithTheirName() {
        assertThatThrownBy(() -> parse("""
                year: 2031
                entries:
                  - date: 2030-04-30
                    kind: HOLIDAY
                    group: REUNIFICATION
                    name: x
                    source: y
                """)).hasMessageContaining("test.yaml").hasMessageContaining("not in year 2031");
        assertThatThrownBy(() -> parse("""
                year: 2031
                entries:
                  - date: 2031-04-30
                    kind: HOLIDAY
                    group: REUNIFICATION
                    name: x
                """)).hasMessageContaining("source");
    }

    private static ScheduleFiles.ParsedFile parse(String yaml) {
        return ScheduleFiles.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "test.yaml");
    }
}
