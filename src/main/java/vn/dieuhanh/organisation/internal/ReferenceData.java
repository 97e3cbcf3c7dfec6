package vn.dieuhanh.organisation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitKind;
import vn.dieuhanh.platform.CsvFile;

/** The organisation as the versioned reference files under {@code organisation/} describe it. */
record ReferenceData(List<Unit> units, List<Division> divisions, List<CsvFile> files) {

    static final String CITY_PEOPLES_COMMITTEE = "ubnd-tp";

    static ReferenceData load() {
        CsvFile cityUnits = CsvFile.read(new ClassPathResource("organisation/city-units.csv"));
        CsvFile communes = CsvFile.read(new ClassPathResource("organisation/hcmc-communes.csv"));
        CsvFile divisionTemplates = CsvFile.read(new ClassPathResource("organisation/division-templates.csv"));
        return from(cityUnits, communes, divisionTemplates);
    }

    static ReferenceData from(CsvFile cityUnits, CsvFile communes, CsvFile divisionTemplates) {
        List<Unit> units = new ArrayList<>();
        for (Map<String, String> row : cityUnits.rows()) {
            String parent = row.get("parent");
            units.add(new Unit(row.get("code"), row.get("name"), UnitKind.fromCode(row.get("kind")),
                    parent == null || parent.isBlank() ? null : parent));
        }
        for (Map<String, String> row : communes.rows()) {
            units.add(new Unit(row.get("code"), row.get("name"), UnitKind.fromCode(row.get("kind")),
                    CITY_PEOPLES_COMMITTEE));
        }
        List<Division> divisions = new ArrayList<>();
        for (Unit unit : units) {
            for (Map<String, String> template : divisionTemplates.rows()) {
                if (UnitKind.fromCode(template.get("unit_kind")) == unit.kind()) {
                    divisions.add(new Division(unit.code() + "." + template.get("code_suffix"), unit.code(),
                            template.get("name")));
                }
            }
        }
        ReferenceData data = new ReferenceData(units, divisions, List.of(cityUnits, communes, divisionTemplates));
        data.validate();
        return data;
    }

    private void validate() {
        Set<String> codes = new HashSet<>();
        for (Unit unit : units) {
            if (!unit.code().matches("[a-z0-9-]+")) {
                throw new IllegalStateException("Unit code '" + unit.code() + "' must be lower-case ASCII, digits "
                        + "and hyphens (it becomes a Camunda group id)");
            }
            if (!codes.add(unit.code())) {
                throw new IllegalStateException("Unit code '" + unit.code() + "' appears twice in the reference files");
            }
        }
        for (Unit unit : units) {
            if (unit.parentCode() != null && !codes.contains(unit.parentCode())) {
                throw new IllegalStateException("Unit '" + unit.code() + "' names unknown parent '"
                        + unit.parentCode() + "'");
            }
        }
    }

    /** Units ordered so that every parent comes before its children (parents are referenced by foreign key). */
    List<Unit> unitsParentsFirst() {
        List<Unit> ordered = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        while (ordered.size() < units.size()) {
            int before = ordered.size();
            for (Unit unit : units) {
                if (!placed.contains(unit.code()) && (unit.parentCode() == null || placed.contains(unit.parentCode()))) {
                    ordered.add(unit);
                    placed.add(unit.code());
                }
            }
            if (ordered.size() == before) {
                throw new IllegalStateException("The unit hierarchy in the reference files has a cycle");
            }
        }
        return ordered;
    }

    String combinedChecksum() {
        return files.stream().map(CsvFile::checksum).reduce("", (a, b) -> a + b);
    }
}
