package vn.dieuhanh.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;
import vn.dieuhanh.DieuHanhApplication;

@ExtendWith(OutputCaptureExtension.class)
class AdminPasswordRequirementTest {

    final AdminPasswordRequirement requirement = new AdminPasswordRequirement();

    @Test
    void refusesToStartOutsideTheDemoWithoutAnAdminPassword() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres");
        assertThatThrownBy(() -> requirement.postProcessEnvironment(environment, null))
                .isInstanceOf(AdminPasswordRefused.class)
                .hasMessageContaining("DIEUHANH_ADMIN_PASSWORD");
        environment.setProperty("dieuhanh.admin.password", "  ");
        assertThatThrownBy(() -> requirement.postProcessEnvironment(environment, null))
                .isInstanceOf(AdminPasswordRefused.class);
    }

    @Test
    void startsWithAStrongAdminPasswordOrInTheDemo() {
        MockEnvironment production = new MockEnvironment().withProperty("dieuhanh.admin.password", "Quan-Tri-2026!");
        production.setActiveProfiles("postgres");
        assertThatCode(() -> requirement.postProcessEnvironment(production, null)).doesNotThrowAnyException();

        MockEnvironment demoByDefault = new MockEnvironment().withProperty("dieuhanh.admin.password", "demo");
        demoByDefault.setDefaultProfiles("demo");
        assertThatCode(() -> requirement.postProcessEnvironment(demoByDefault, null)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Ng4n-qua!      | at least 10 characters",
            "khong-co-hoa-2026! | at least 1 upper-case letter(s)",
            "KHONG-CO-THUONG-2026! | at least 1 lower-case letter(s)",
            "Khong-Co-So-Nao!   | at least 1 digit(s)",
            "KhongCoKyTu2026    | at least 1 special character(s)",
            "Admin-Manh-2026!   | must not contain the admin account's id, names or e-mail",
            "Quản trị-2026!xY   | must not contain the admin account's id, names or e-mail"})
    void refusesAWeakPasswordWithTheRuleItBreaks(String password, String rule) {
        MockEnvironment environment = production(password.strip());
        assertThatThrownBy(() -> requirement.postProcessEnvironment(environment, null))
                .isInstanceOf(AdminPasswordRefused.class)
                .hasMessageStartingWith("Mật khẩu quản trị không đạt chính sách mật khẩu, không khởi động (refusing to "
                        + "start: DIEUHANH_ADMIN_PASSWORD does not satisfy the password policy: ")
                .hasMessageContaining(rule)
                .hasMessageNotContaining(password.strip())
                .message().doesNotContain("\n");
    }

    @Test
    void listsEveryBrokenRule() {
        assertThatThrownBy(() -> requirement.postProcessEnvironment(production("demo"), null))
                .hasMessageContaining("at least 10 characters, at least 1 upper-case letter(s), at least 1 digit(s), "
                        + "at least 1 special character(s)");
    }

    @Test
    void theWeakPasswordCheckFollowsTheEnginePolicySwitch() {
        MockEnvironment environment = production("demo")
                .withProperty(AdminPasswordRequirement.ENGINE_POLICY, "false");
        assertThatCode(() -> requirement.postProcessEnvironment(environment, null)).doesNotThrowAnyException();
    }

    @Test
    void theApplicationStopsAtOnceWithOneLineAndNoStackTrace(CapturedOutput output) {
        SpringApplication application = new SpringApplication(DieuHanhApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setAdditionalProfiles("postgres");
        assertThatThrownBy(() -> application.run("--dieuhanh.admin.password=weak-password",
                "--logging.structured.format.console=", "--spring.datasource.url=jdbc:postgresql://nowhere/none"))
                .isInstanceOf(AdminPasswordRefused.class);
        assertThat(output.getAll())
                .contains("Mật khẩu quản trị không đạt chính sách mật khẩu, không khởi động (refusing to start: "
                        + "DIEUHANH_ADMIN_PASSWORD does not satisfy the password policy: "
                        + "at least 1 upper-case letter(s), at least 1 digit(s)")
                .doesNotContain("\tat ");
    }

    private static MockEnvironment production(String password) {
        MockEnvironment environment = new MockEnvironment().withProperty("dieuhanh.admin.password", password)
                .withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.first-name", "Quản trị")
                .withProperty("camunda.bpm.admin-user.last-name", "hệ thống");
        environment.setActiveProfiles("postgres");
        return environment;
    }
}
