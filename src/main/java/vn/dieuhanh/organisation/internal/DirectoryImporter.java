package vn.dieuhanh.organisation.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Unit;

/**
 * Imports the reference files into the directory tables and Camunda groups. Idempotent: unchanged files (same
 * checksum) leave the tables alone; groups are always checked, since an admin may have edited them in Camunda Admin.
 */
@Component
class DirectoryImporter {

    private static final Logger log = LoggerFactory.getLogger(DirectoryImporter.class);

    private final DirectoryRepository repository;
    private final CamundaGroupMirror groupMirror;

    DirectoryImporter(DirectoryRepository repository, CamundaGroupMirror groupMirror) {
        this.repository = repository;
        this.groupMirror = groupMirror;
    }

    @Transactional
    ImportResult importReferenceData(ReferenceData data) {
        boolean changed = data.files().stream()
                .anyMatch(file -> !repository.importedChecksum(file.source()).equals(Optional.of(file.checksum())));
        int deactivated = 0;
        if (changed) {
            Map<String, Integer> fileOrder = new HashMap<>();
            for (int i = 0; i < data.units().size(); i++) {
                fileOrder.put(data.units().get(i).code(), i);
            }
            for (Unit unit : data.unitsParentsFirst()) {
                repository.upsertUnit(unit, fileOrder.get(unit.code()));
            }
            for (Division division : data.divisions()) {
                repository.upsertDivision(division);
            }
            deactivated = repository.deactivateUnitsNotIn(data.units().stream().map(Unit::code).toList());
            data.files().forEach(file -> repository.recordImport(file.source(), file.checksum(), file.rows().size()));
        }
        int groupsWritten = groupMirror.mirror(data.units(), data.divisions());
        ImportResult result = new ImportResult(changed, data.units().size(), data.divisions().size(), deactivated,
                groupsWritten);
        log.info("Organisation directory: {}", result);
        return result;
    }

    record ImportResult(boolean filesChanged, int units, int divisions, int deactivatedUnits, int groupsWritten) {
    }
}
