package vn.dieuhanh.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the application's one {@link Clock}: the engine clock ({@link EngineClock}). */
@Configuration(proxyBeanMethods = false)
class EngineClockConfiguration {

    @Bean
    Clock clock() {
        return EngineClock.INSTANCE;
    }
}
