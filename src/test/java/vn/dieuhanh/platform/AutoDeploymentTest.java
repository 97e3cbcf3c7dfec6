package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import vn.dieuhanh.DieuHanhApplication;

/**
 * Analysts' folders: every file is deployed at start, a restart with unchanged files creates no new version, and a
 * changed file creates exactly one. Runs the real application three times on one H2 file database, deploying a copy
 * of {@code processes/} and {@code forms/} that the test edits between starts.
 */
class AutoDeploymentTest {

    static final String PROCESS = "document-acknowledgement";

    @TempDir
    Path work;

    @Test
    void redeploysOnlyWhatChanged() throws IOException {
        Path analystFolders = work.resolve("analyst");
        copy(Path.of("processes"), analystFolders.resolve("processes"));
        copy(Path.of("forms"), analystFolders.resolve("forms"));

        Map<String, Integer> first = latestVersions(analystFolders);
        assertThat(first).containsEntry(PROCESS, 1);

        Map<String, Integer> afterRestart = latestVersions(analystFolders);
        assertThat(afterRestart).isEqualTo(first);

        Path bpmn = analystFolders.resolve("processes/directive/" + PROCESS + ".bpmn");
        String edited = Files.readString(bpmn, StandardCharsets.UTF_8)
                .replace("name=\"Xác nhận đã nhận văn bản\"", "name=\"Xác nhận đã đọc văn bản\"");
        Files.writeString(bpmn, edited, StandardCharsets.UTF_8);

        Map<String, Integer> afterChange = latestVersions(analystFolders);
        Map<String, Integer> expected = new TreeMap<>(first);
        expected.put(PROCESS, 2);
        assertThat(afterChange).isEqualTo(expected);
    }

    /** Starts the application against the folders, returns the latest version of every process, and stops it. */
    private Map<String, Integer> latestVersions(Path folders) {
        String root = folders.toUri().toString();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(DieuHanhApplication.class)
                .profiles("deployment-test")
                .run(
                        "--server.port=0",
                        "--dieuhanh.admin.password=Quan-Tri-2026!",
                        "--camunda.bpm.job-execution.enabled=false",
                        // the webapps keep JVM-wide state that a second web context in the test JVM would reset
                        "--camunda.bpm.webapp.enabled=false",
                        "--spring.datasource.url=jdbc:h2:file:" + work.resolve("db/dieuhanh").toAbsolutePath(),
                        "--camunda.bpm.deployment-resource-pattern[0]=" + root + "processes/**/*.bpmn",
                        "--camunda.bpm.deployment-resource-pattern[1]=" + root + "processes/**/*.dmn",
                        "--camunda.bpm.deployment-resource-pattern[2]=" + root + "forms/**/*.form")) {
            RepositoryService repository = app.getBean(RepositoryService.class);
            Map<String, Integer> versions = new TreeMap<>();
            for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
                versions.put(definition.getKey(), definition.getVersion());
            }
            long forms = repository.createDeploymentQuery().list().stream()
                    .flatMap(d -> repository.getDeploymentResourceNames(d.getId()).stream())
                    .filter(name -> name.endsWith(".form")).count();
            assertThat(forms).as("forms deployed").isGreaterThanOrEqualTo(1);
            return versions;
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
