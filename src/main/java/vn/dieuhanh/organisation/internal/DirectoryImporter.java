package vn.dieuhanh.organisation.internal;

import java.util.List;
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
            List<Unit> units = data.unitsParentsFirst();
            for (int i = 0; i < units.size(); i++) {
                repository.upsertUnit(units.get(i), sortOrder(data.units(), units.get(i)));
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

    private static int sortOrder(List<Unit> fileOrder, Unit unit) {
        return fileOrder.indexOf(unit);
    }

    record ImportResult(boolean filesChanged, int units, int divisions, int deactivatedUnits, int groupsWritten) {
    }
}
