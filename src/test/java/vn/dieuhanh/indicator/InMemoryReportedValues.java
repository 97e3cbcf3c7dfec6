package vn.dieuhanh.indicator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A test double of {@link ReportedValues} (implemented by the reporting part of this capability): approved values and
 * expected units that a test puts in. {@code @Primary}, so it wins over the real one once both exist.
 */
public class InMemoryReportedValues implements ReportedValues {

    private final Map<String, List<ReportedValue>> approved = new ConcurrentHashMap<>();
    private final Map<String, List<String>> expected = new ConcurrentHashMap<>();

    @TestConfiguration(proxyBeanMethods = false)
    public static class Beans {
        @Bean
        @Primary
        InMemoryReportedValues inMemoryReportedValues() {
            return new InMemoryReportedValues();
        }
    }

    public void clear() {
        approved.clear();
        expected.clear();
    }

    public void expect(String period, List<String> units) {
        expected.put(ReportingPeriod.parse(period).label(), List.copyOf(units));
    }

    public void approve(String period, String indicator, String unit, String value) {
        ReportingPeriod p = ReportingPeriod.parse(period);
        approved.computeIfAbsent(p.label(), k -> new ArrayList<>()).add(new ReportedValue(indicator, unit, p,
                new BigDecimal(value), null, Instant.parse("2026-04-05T03:00:00Z")));
    }

    @Override
    public List<ReportedValue> approved(ReportingPeriod period) {
        return List.copyOf(approved.getOrDefault(period.label(), List.of()));
    }

    @Override
    public List<String> expectedUnits(ReportingPeriod period) {
        return expected.getOrDefault(period.label(), List.of());
    }
}
