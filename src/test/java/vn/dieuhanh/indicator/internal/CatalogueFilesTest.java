package vn.dieuhanh.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.dieuhanh.indicator.Domain;
import vn.dieuhanh.organisation.UnitKind;

/** The shipped catalogue and targets files, and the checks that name the file and row of a mistake. */
class CatalogueFilesTest {

    static final CatalogueFiles SHIPPED = CatalogueFiles.load("classpath:indicator/");

    @Test
    void theShippedCatalogueHasAtLeastThirtyIndicatorsInEveryDomain() {
        assertThat(SHIPPED.catalogues()).extracting(CatalogueFiles.CatalogueFile::version).contains("2026.1");
        List<CatalogueEntry> entries = SHIPPED.catalogues().get(0).entries();
        assertThat(entries).hasSizeGreaterThanOrEqualTo(30);
        assertThat(entries.stream().map(e -> e.indicator().domain()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(Domain.values());
        assertThat(entries).allSatisfy(e -> {
            assertThat(e.indicator().name()).isNotBlank();
            assertThat(e.indicator().reportedBy()).isNotEmpty();
        });
    }

    @Test
    void everyTargetNamesACatalogueIndicatorAndAUnitKindOrAUnitOfTheDirectory() {
        Set<String> codes = SHIPPED.catalogues().stream().flatMap(c -> c.entries().stream())
                .map(CatalogueEntry::code).collect(Collectors.toSet());
        Set<String> kinds = Arrays.stream(UnitKind.values()).map(k -> "kind:" + k.code()).collect(Collectors.toSet());
        CatalogueFiles.TargetsFile targets2026 = SHIPPED.targets().stream().filter(t -> t.year() == 2026).findFirst()
                .orElseThrow();
        assertThat(targets2026.rules()).isNotEmpty().allSatisfy(rule -> {
            assertThat(codes).contains(rule.indicatorCode());
            assertThat(kinds.contains(rule.appliesTo()) || rule.appliesTo().matches("[a-z0-9-]+"))
                    .as(rule.appliesTo()).isTrue();
        });
        assertThat(targets2026.rules()).anyMatch(rule -> rule.appliesTo().equals("phuong-sai-gon"));
    }

    @Test
    void versionsSortNumerically() {
        assertThat(CatalogueFiles.sortKey("2026.10")).isGreaterThan(CatalogueFiles.sortKey("2026.9"));
        assertThat(CatalogueFiles.sortKey("2027.1")).isGreaterThan(CatalogueFiles.sortKey("2026.12"));
    }

    @Test
    void aMistakeNamesTheFileAndRow(@TempDir Path dir) throws IOException {
        String header = "code,name,domain,unit_of_measure,aggregation,frequency,reported_by,direction,integer_only,"
                + "min,max,required,description\n";
        Files.writeString(dir.resolve("catalogue-2026.2.csv"), header
                + "KT-01,Thu ngân sách,ECONOMIC,tỷ đồng,SUM,MONTHLY,ward,HIGHER_IS_BETTER,false,0,,true,\n"
                + "KT-02,Doanh nghiệp,ECONOMIC,doanh nghiệp,SUM,WEEKLY,ward,HIGHER_IS_BETTER,true,0,,true,\n",
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CatalogueFiles.load(dir.toUri().toString()))
                .hasMessageContaining("catalogue-2026.2.csv row 3").hasMessageContaining("WEEKLY");
    }

    @Test
    void aDuplicatedCodeOrAnUnknownUnitKindIsRefused(@TempDir Path dir) throws IOException {
        String header = "code,name,domain,unit_of_measure,aggregation,frequency,reported_by,direction,integer_only,"
                + "min,max,required,description\n";
        String row = "KT-01,Thu ngân sách,ECONOMIC,tỷ đồng,SUM,MONTHLY,ward,HIGHER_IS_BETTER,false,0,,true,\n";
        Files.writeString(dir.resolve("catalogue-2026.2.csv"), header + row + row, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CatalogueFiles.load(dir.toUri().toString())).hasMessageContaining("appears twice");
        Files.writeString(dir.resolve("catalogue-2026.2.csv"), header + row.replace(",ward,", ",village,"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CatalogueFiles.load(dir.toUri().toString())).hasMessageContaining("village");
    }
}
