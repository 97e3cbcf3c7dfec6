package vn.dieuhanh.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.DefaultPasswordPolicyImpl;
import org.camunda.bpm.spring.boot.starter.property.AdminUserProperty;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start outside the demo profile unless the administrator's password comes from the environment
 * ({@code DIEUHANH_ADMIN_PASSWORD}) and satisfies the password policy the engine will apply when it creates the
 * account; a production system must never boot with a default, empty or weak admin password, nor die minutes later
 * when the engine refuses it. The check runs before anything is created and fails with one line
 * ({@link AdminPasswordRefused}, reported by {@link AdminPasswordFailureAnalyzer}).
 *
 * <p>The rules are Camunda's own ({@link DefaultPasswordPolicyImpl}: at least 10 characters, a lower-case and an
 * upper-case letter, a digit, a special character, and not containing the account's id, names or e-mail), applied to
 * the admin account as the Spring Boot starter will create it ({@link AdminUserProperty}, same defaults).
 */
public class AdminPasswordRequirement implements EnvironmentPostProcessor {

    static final String DEMO_PROFILE = "demo";
    static final String ADMIN_PASSWORD = "dieuhanh.admin.password";
    static final String ENGINE_POLICY = "camunda.bpm.generic-properties.properties.enablePasswordPolicy";
    static final String POLICY = "dieuhanh.security.password-policy";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String[] active = environment.getActiveProfiles().length > 0
                ? environment.getActiveProfiles() : environment.getDefaultProfiles();
        if (Arrays.asList(active).contains(DEMO_PROFILE)) {
            return;
        }
        String password = environment.getProperty(ADMIN_PASSWORD);
        if (password == null || password.isBlank()) {
            throw new AdminPasswordRefused("Refusing to start: set the environment variable DIEUHANH_ADMIN_PASSWORD "
                    + "(the password of the 'admin' account). Only the demo profile runs without it; active profiles: "
                    + Arrays.toString(active));
        }
        boolean policy = Boolean.parseBoolean(environment.getProperty(ENGINE_POLICY,
                environment.getProperty(POLICY, "true")));
        if (!policy) {
            return;
        }
        List<String> violations = violations(password, adminUser(environment, password));
        if (!violations.isEmpty()) {
            throw new AdminPasswordRefused("Mật khẩu quản trị không đạt chính sách mật khẩu, không khởi động (refusing to start: "
                    + "DIEUHANH_ADMIN_PASSWORD does not satisfy the password policy: " + String.join(", ", violations)
                    + ")");
        }
    }

    /** The admin account as the Camunda starter will create it from {@code camunda.bpm.admin-user.*}. */
    static User adminUser(ConfigurableEnvironment environment, String password) {
        AdminUserProperty user = new AdminUserProperty();
        user.setId(environment.getProperty("camunda.bpm.admin-user.id", "admin"));
        user.setFirstName(environment.getProperty("camunda.bpm.admin-user.first-name"));
        user.setLastName(environment.getProperty("camunda.bpm.admin-user.last-name"));
        user.setEmail(environment.getProperty("camunda.bpm.admin-user.email"));
        user.setPassword(password);
        return user.init();
    }

    /** The rules of Camunda's default password policy that {@code password} breaks, in words; empty if none. */
    static List<String> violations(String password, User user) {
        List<String> violations = new ArrayList<>();
        for (PasswordPolicyRule rule : new DefaultPasswordPolicyImpl().getRules()) {
            if (!rule.execute(password, user)) {
                violations.add(describe(rule));
            }
        }
        return violations;
    }

    private static String describe(PasswordPolicyRule rule) {
        Map<String, String> parameters = rule.getParameters();
        String n = parameters == null || parameters.isEmpty() ? "" : parameters.values().iterator().next();
        return switch (rule.getPlaceholder()) {
            case "PASSWORD_POLICY_LENGTH" -> "at least " + n + " characters";
            case "PASSWORD_POLICY_LOWERCASE" -> "at least " + n + " lower-case letter(s)";
            case "PASSWORD_POLICY_UPPERCASE" -> "at least " + n + " upper-case letter(s)";
            case "PASSWORD_POLICY_DIGIT" -> "at least " + n + " digit(s)";
            case "PASSWORD_POLICY_SPECIAL" -> "at least " + n + " special character(s) such as !-_.@#";
            case "PASSWORD_POLICY_USER_DATA" -> "must not contain the admin account's id, names or e-mail";
            default -> rule.getPlaceholder();
        };
    }
}
