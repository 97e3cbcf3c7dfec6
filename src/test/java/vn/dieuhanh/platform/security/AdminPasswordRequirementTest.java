package vn.dieuhanh.platform.security;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class AdminPasswordRequirementTest {

    final AdminPasswordRequirement requirement = new AdminPasswordRequirement();

    @Test
    void refusesToStartOutsideTheDemoWithoutAnAdminPassword() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("postgres");
        assertThatThrownBy(() -> requirement.postProcessEnvironment(environment, null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("DIEUHANH_ADMIN_PASSWORD");
        environment.setProperty("dieuhanh.admin.password", "  ");
        assertThatThrownBy(() -> requirement.postProcessEnvironment(environment, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startsWithAnAdminPasswordOrInTheDemo() {
        MockEnvironment production = new MockEnvironment().withProperty("dieuhanh.admin.password", "Quan-Tri-2026!");
        production.setActiveProfiles("postgres");
        assertThatCode(() -> requirement.postProcessEnvironment(production, null)).doesNotThrowAnyException();

        MockEnvironment demoByDefault = new MockEnvironment();
        demoByDefault.setDefaultProfiles("demo");
        assertThatCode(() -> requirement.postProcessEnvironment(demoByDefault, null)).doesNotThrowAnyException();
    }
}
