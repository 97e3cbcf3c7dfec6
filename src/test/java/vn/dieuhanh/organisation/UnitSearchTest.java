package vn.dieuhanh.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The diacritic-insensitive unit search over the real reference files (168 wards and communes, 22 city units). */
class UnitSearchTest {

    static List<Unit> units;

    @BeforeAll
    static void readReferenceFiles() throws IOException {
        units = new ArrayList<>();
        for (String line : lines("/organisation/city-units.csv")) {
            String[] f = line.split(",", -1);
            units.add(new Unit(f[0], f[1], UnitKind.fromCode(f[2]), f[3].isBlank() ? null : f[3]));
        }
        for (String line : lines("/organisation/hcmc-communes.csv")) {
            String[] f = line.split(",", -1);
            units.add(new Unit(f[0], f[1], UnitKind.fromCode(f[2]), "ubnd-tp"));
        }
        assertThat(units).hasSize(190);
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = UnitSearchTest.class.getResourceAsStream(resource)) {
            List<String> lines = new ArrayList<>(List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .split("\\R")));
            lines.remove(0);
            lines.removeIf(String::isBlank);
            return lines;
        }
    }

    @Test
    void thanhAnFindsBothCommunesAsLookAlikesWithTheLettersThatDiffer() {
        List<UnitSearch.Match> found = UnitSearch.search(units, "thanh an", 10);
        assertThat(found).extracting(m -> m.unit().name()).startsWith("Xã Thanh An", "Xã Thạnh An");
        UnitSearch.Match thanh = found.get(0);
        UnitSearch.Match thạnh = found.get(1);
        assertThat(thanh.lookAlike()).isTrue();
        assertThat(thanh.lookAlikes()).containsExactly("Xã Thạnh An");
        assertThat(thạnh.lookAlikes()).containsExactly("Xã Thanh An");
        assertThat(thạnh.kindLabel()).isEqualTo("Xã");
        assertThat(thạnh.parentName()).isEqualTo("Ủy ban nhân dân Thành phố Hồ Chí Minh");
        // the one letter that tells them apart is marked: Th[ạ]nh / Th[a]nh
        assertThat(thạnh.parts()).containsExactly(new UnitSearch.Part("Xã Th", false), new UnitSearch.Part("ạ", true),
                new UnitSearch.Part("nh An", false));
        assertThat(thanh.parts()).contains(new UnitSearch.Part("a", true));
        // typed with the diacritics, the exact one comes first
        assertThat(UnitSearch.search(units, "Thạnh An", 10).get(0).unit().code()).isEqualTo("xa-thanh-an-2");
        assertThat(UnitSearch.search(units, "xã thạnh an", 10).get(0).unit().code()).isEqualTo("xa-thanh-an-2");
    }

    @Test
    void ignoresCaseDiacriticsAndDAndMatchesWordStarts() {
        assertThat(UnitSearch.fold("Phường Đông Hưng Thuận")).isEqualTo("phuong dong hung thuan");
        assertThat(UnitSearch.search(units, "DONG HUNG", 5)).extracting(m -> m.unit().name())
                .contains("Phường Đông Hưng Thuận");
        assertThat(UnitSearch.search(units, "tai chinh", 5)).extracting(m -> m.unit().code())
                .containsExactly("so-tai-chinh");
        // words in any order, each the start of a word
        assertThat(UnitSearch.search(units, "an khanh", 5)).extracting(m -> m.unit().code())
                .contains("phuong-an-khanh");
        assertThat(UnitSearch.search(units, "   ", 5)).isEmpty();
        assertThat(UnitSearch.search(units, "zzz", 5)).isEmpty();
        // a unique name is no look-alike
        assertThat(UnitSearch.search(units, "an khanh", 5).get(0).lookAlike()).isFalse();
    }

    @Test
    void everyLookAlikePairOfTheReferenceFilesIsReported() {
        long lookAlikes = units.stream().filter(u -> UnitSearch.search(units, u.name(), 50).stream()
                .anyMatch(m -> m.unit().code().equals(u.code()) && m.lookAlike())).count();
        // Xã Thanh An and Xã Thạnh An are the reference files' only names equal without diacritics
        assertThat(lookAlikes).isEqualTo(2);
    }
}
