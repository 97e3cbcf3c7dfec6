package vn.dieuhanh.authority.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.dieuhanh.platform.CsvFile;

/**
 * The 13 certification tasks: read from {@code authority/certification-tasks.csv} (lines starting with {@code #} are
 * the header comment naming the source), upserted into {@code auth_certification_task} at start and kept in memory.
 */
@Component
class CertificationTasks implements SmartInitializingSingleton {

    static final String FILE = "authority/certification-tasks.csv";

    private final AuthorityRepository repository;
    private final List<CertificationTask> tasks;

    CertificationTasks(AuthorityRepository repository) {
        this.repository = repository;
        this.tasks = read();
    }

    static List<CertificationTask> read() {
        try (var in = new ClassPathResource(FILE).getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String csv = text.lines().filter(line -> !line.startsWith("#")).collect(Collectors.joining("\n"));
            return CsvFile.parse(FILE, csv).stream().map(CertificationTasks::task).toList();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + FILE, e);
        }
    }

    private static CertificationTask task(Map<String, String> row) {
        String group = row.get("task_group");
        if (!CertificationTask.COPY_SIGNATURE.equals(group) && !CertificationTask.CONTRACT.equals(group)) {
            throw new IllegalStateException(FILE + ": unknown task_group " + group + " of " + row.get("code"));
        }
        return new CertificationTask(row.get("code"), Integer.parseInt(row.get("clause")), row.get("name"),
                row.get("legal_basis"), group, row.get("register_book"), Boolean.parseBoolean(row.get("same_day")),
                Integer.parseInt(row.get("working_days")), row.get("confirmed"),
                java.util.Arrays.stream(row.getOrDefault("dossier_procedures", "").split(";")).map(String::strip)
                        .filter(c -> !c.isEmpty()).toList());
    }

    /** Once every bean (Flyway included) exists; a node that loses an insert race to another imports again. */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            tasks.forEach(repository::upsertTask);
        } catch (DataIntegrityViolationException e) {
            tasks.forEach(repository::upsertTask);
        }
    }

    List<CertificationTask> all() {
        return tasks;
    }

    /** The task covering a procedure of the dossier catalogue (e.g. its CT-02 signatures are task CT-04). */
    Optional<CertificationTask> forDossierProcedure(String procedureCode) {
        return tasks.stream().filter(t -> t.dossierProcedures().contains(procedureCode)).findFirst();
    }

    Optional<CertificationTask> find(String code) {
        return tasks.stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
