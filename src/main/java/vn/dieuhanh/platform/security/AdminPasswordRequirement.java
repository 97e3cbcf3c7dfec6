package vn.dieuhanh.platform.security;

import java.util.Arrays;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start outside the demo profile unless the administrator's password comes from the environment
 * ({@code DIEUHANH_ADMIN_PASSWORD}); a production system must never boot with a default or empty admin password.
 */
public class AdminPasswordRequirement implements EnvironmentPostProcessor {

    static final String DEMO_PROFILE = "demo";
    static final String ADMIN_PASSWORD = "dieuhanh.admin.password";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String[] active = environment.getActiveProfiles().length > 0
                ? environment.getActiveProfiles() : environment.getDefaultProfiles();
        if (Arrays.asList(active).contains(DEMO_PROFILE)) {
            return;
        }
        String password = environment.getProperty(ADMIN_PASSWORD);
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("Refusing to start: set the environment variable DIEUHANH_ADMIN_PASSWORD "
                    + "(the password of the 'admin' account). Only the demo profile runs without it; active profiles: "
                    + Arrays.toString(active));
        }
    }
}
