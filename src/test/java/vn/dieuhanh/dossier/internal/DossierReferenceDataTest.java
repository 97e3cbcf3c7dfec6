package vn.dieuhanh.dossier.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.dieuhanh.platform.CsvFile;

class DossierReferenceDataTest {

    final DossierReferenceData data = new DossierReferenceData();

    @Test
    void fortyOneReceptionPointsHostedByRealUnits() {
        assertThat(data.points()).hasSize(41);
        Map<String, Long> kinds = data.points().stream()
                .collect(Collectors.groupingBy(ReceptionPoint::kind, Collectors.counting()));
        assertThat(kinds).containsEntry("city-centre", 1L).containsEntry("regional-centre", 2L)
                .containsEntry("area-team", 38L);
        Set<String> units = CsvFile.read(new ClassPathResource("organisation/hcmc-communes.csv")).rows().stream()
                .map(r -> r.get("code")).collect(Collectors.toSet());
        units.add("van-phong-ubnd-tp");
        assertThat(data.points()).allSatisfy(p -> {
            assertThat(units).contains(p.hostUnit());
            assertThat(p.parent() == null || data.point(p.parent()).isPresent()).isTrue();
            assertThat(p.confirmed()).isIn("yes", "partly");
        });
    }

    @Test
    void aCatalogueOfRealProceduresWithTheThirteenCertifications() {
        assertThat(data.procedures()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(data.procedures().stream().filter(Procedure::certification)).hasSize(13);
        assertThat(data.procedures()).allSatisfy(p -> {
            assertThat(p.papers()).isNotEmpty();
            assertThat(p.statutoryTime()).isPositive();
            assertThat(p.local() || p.fixedUnit() != null).isTrue();
        });
        Procedure copy = data.procedure("CT-01").orElseThrow();
        assertThat(copy.name()).startsWith("Chứng thực bản sao từ bản chính");
        assertThat(copy.statutoryTime().toHours()).isEqualTo(2);
        assertThat(data.procedure("CT-04").orElseThrow().statutoryTime().toHours()).isEqualTo(16);
        assertThat(data.procedure("HT-01").orElseThrow().nationalCode()).isEqualTo("1.001193");
    }
}
