package vn.dieuhanh.indicator.internal;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports the catalogue and target files into the {@code ind_*} tables. Idempotent: a file whose checksum was imported
 * before is skipped. A new {@code catalogue-<version>.csv} becomes a new version; versions are never changed or
 * deleted, since past reports refer to them, so a released version file that was edited afterwards stops the import
 * with a message asking for a new version file. A changed {@code targets-<year>.csv} replaces that year's targets.
 */
@Component
public class CatalogueImporter {

    private static final Logger log = LoggerFactory.getLogger(CatalogueImporter.class);

    private final CatalogueRepository repository;

    CatalogueImporter(CatalogueRepository repository) {
        this.repository = repository;
    }

    public record ImportResult(int versionsImported, int targetFilesImported, String versionInForce) {
    }

    /** Imports the files in a location such as {@code classpath:indicator/}. */
    @Transactional
    public ImportResult importFrom(String location) {
        CatalogueFiles files = CatalogueFiles.load(location);
        int versions = 0;
        for (CatalogueFiles.CatalogueFile file : files.catalogues()) {
            Optional<CatalogueRepository.VersionRow> existing = repository.version(file.version());
            if (existing.isPresent()) {
                if (!existing.get().checksum().equals(file.checksum())) {
                    throw new IllegalStateException("Danh mục chỉ tiêu đã ban hành không được sửa, hãy tạo phiên bản mới "
                            + "(indicator catalogue version " + file.version() + ", " + file.source()
                            + ", was changed after it was released. Released versions are kept unchanged because "
                            + "reports refer to them: restore the file and put the changes in a new version file, "
                            + "e.g. catalogue-" + file.version() + "1.csv or a higher number)");
                }
                continue;
            }
            repository.insertVersion(file);
            repository.recordImport(file.source(), file.checksum(), file.entries().size());
            versions++;
        }
        int targetFiles = 0;
        for (CatalogueFiles.TargetsFile file : files.targets()) {
            if (repository.importedChecksum(file.source()).equals(Optional.of(file.checksum()))) {
                continue;
            }
            repository.replaceTargets(file);
            repository.recordImport(file.source(), file.checksum(), file.rules().size());
            targetFiles++;
        }
        ImportResult result = new ImportResult(versions, targetFiles, repository.latestVersion().orElse(null));
        log.info("Indicator catalogue from {}: {}", location, result);
        return result;
    }
}
