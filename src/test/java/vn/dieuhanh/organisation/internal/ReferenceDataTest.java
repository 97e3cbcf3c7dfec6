package vn.dieuhanh.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitKind;
import vn.dieuhanh.platform.CsvFile;

class ReferenceDataTest {

    final ReferenceData data = ReferenceData.load();

    @Test
    void holdsThe168CommunesOfHoChiMinhCityAndTheCityUnits() {
        assertThat(count(UnitKind.WARD) + count(UnitKind.COMMUNE) + count(UnitKind.SPECIAL_ZONE)).isEqualTo(168);
        assertThat(count(UnitKind.WARD)).isEqualTo(113);
        assertThat(count(UnitKind.COMMUNE)).isEqualTo(54);
        assertThat(count(UnitKind.SPECIAL_ZONE)).isEqualTo(1);
        assertThat(count(UnitKind.DEPARTMENT)).isEqualTo(20);
        assertThat(count(UnitKind.OFFICE)).isEqualTo(1);
        assertThat(count(UnitKind.CITY_LEADERSHIP)).isEqualTo(1);
    }

    @Test
    void keepsTheTwoCommunesThatDifferOnlyByDiacriticsApart() {
        assertThat(unit("xa-thanh-an").name()).isEqualTo("Xã Thanh An");
        assertThat(unit("xa-thanh-an-2").name()).isEqualTo("Xã Thạnh An");
    }

    @Test
    void everyLocalUnitReportsToTheCityPeoplesCommittee() {
        assertThat(data.units()).filteredOn(u -> u.kind().isLocal())
                .allMatch(u -> u.parentCode().equals(ReferenceData.CITY_PEOPLES_COMMITTEE));
        assertThat(unit("ubnd-tp").parentCode()).isNull();
    }

    @Test
    void givesEveryUnitItsStandardDivisions() {
        assertThat(data.divisions()).filteredOn(d -> d.unitCode().equals("phuong-ben-thanh"))
                .extracting(d -> d.code())
                .contains("phuong-ben-thanh.van-phong", "phuong-ben-thanh.trung-tam-phuc-vu-hanh-chinh-cong");
        assertThat(data.units()).allMatch(u -> data.divisions().stream().anyMatch(d -> d.unitCode().equals(u.code())));
    }

    @Test
    void ordersParentsBeforeChildren() {
        List<Unit> ordered = data.unitsParentsFirst();
        assertThat(ordered.get(0).code()).isEqualTo("ubnd-tp");
        assertThat(ordered).hasSameSizeAs(data.units());
    }

    @Test
    void rejectsDuplicateCodesAndUnknownParents() {
        CsvFile templates = new CsvFile("t", "x", List.of());
        CsvFile duplicate = new CsvFile("c", "x", List.of(
                Map.of("code", "ubnd-tp", "name", "A", "kind", "city-leadership", "parent", ""),
                Map.of("code", "ubnd-tp", "name", "B", "kind", "office", "parent", "")));
        assertThatThrownBy(() -> ReferenceData.from(duplicate, new CsvFile("w", "x", List.of()), templates))
                .hasMessageContaining("appears twice");
        CsvFile orphan = new CsvFile("c", "x", List.of(
                Map.of("code", "so-moi", "name", "Sở mới", "kind", "department", "parent", "khong-co")));
        assertThatThrownBy(() -> ReferenceData.from(orphan, new CsvFile("w", "x", List.of()), templates))
                .hasMessageContaining("unknown parent 'khong-co'");
    }

    @Test
    void parsesQuotedCsvFields() {
        List<Map<String, String>> rows = CsvFile.parse("t.csv",
                "a,b\r\n\"Phòng Kinh tế, Hạ tầng\",\"say \"\"hi\"\"\"\r\n");
        assertThat(rows).containsExactly(Map.of("a", "Phòng Kinh tế, Hạ tầng", "b", "say \"hi\""));
        assertThatThrownBy(() -> CsvFile.parse("t.csv", "a,b\n1\n")).hasMessageContaining("row 2 has 1 fields");
    }

    private long count(UnitKind kind) {
        return data.units().stream().filter(u -> u.kind() == kind).count();
    }

    private Unit unit(String code) {
        return data.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow();
    }
}
