package vn.dieuhanh;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The production start with class data sharing ({@code scripts/cds.sh}, docs/performance.md "Start-up: class data
 * sharing") uses the same JVM options as {@code mvn spring-boot:run} (pom.xml) and README's {@code java -jar}
 * command, and builds the documented commands. The training run itself is not run here (it is a full start of the
 * application); nothing is timed.
 */
class StartupScriptTest {

    static final Path SCRIPT = Path.of("scripts/cds.sh");

    @Test
    void theScriptUsesTheProductionJvmOptions() throws IOException {
        String pomOptions = firstGroup(Files.readString(Path.of("pom.xml")), "<jvmArguments>([^<]+)</jvmArguments>");
        String scriptOptions = firstGroup(Files.readString(SCRIPT), "(?m)^JVM_OPTIONS=\"([^\"]+)\"");

        assertThat(scriptOptions).isEqualTo(pomOptions);
        assertThat(Files.readString(Path.of("README.md"))).contains("java " + pomOptions);
        assertThat(Files.isExecutable(SCRIPT)).isTrue();
    }

    @Test
    void thePrintedCommandsExtractTrainAndRunWithTheArchive() throws Exception {
        Process process = new ProcessBuilder("bash", SCRIPT.toString(), "print", "--spring.profiles.active=postgres")
                .redirectErrorStream(true)
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();

        assertThat(process.exitValue()).isZero();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("-Djarmode=tools -jar ").contains(" extract --destination ");
        assertThat(lines.get(1))
                .contains("-XX:+UseSerialGC -Xms96m -Xmx320m")
                .contains("-XX:ArchiveClassesAtExit=")
                .contains("-Dspring.context.exit=onRefresh")
                .endsWith("--spring.profiles.active=postgres");
        assertThat(lines.get(2))
                .contains("-XX:+UseSerialGC -Xms96m -Xmx320m")
                .contains("-XX:SharedArchiveFile=")
                .endsWith("--spring.profiles.active=postgres");
    }

    private static String firstGroup(String text, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        assertThat(matcher.find()).as("%s in the file", regex).isTrue();
        return matcher.group(1);
    }
}
