package vn.dieuhanh;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import vn.dieuhanh.indicator.Aggregation;
import vn.dieuhanh.indicator.Domain;
import vn.dieuhanh.indicator.Frequency;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.IndicatorCatalogue;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.organisation.OrganisationDirectory;

/**
 * TEMPORARY test stand-in for the indicator catalogue, which is built on the branch {@code indicator-catalogue}: a
 * few monthly indicators for wards and departments. Imported by {@link PostgresIntegrationTest} (and the extra test
 * nodes). Remove it when the real catalogue is merged.
 */
@TestConfiguration(proxyBeanMethods = false)
public class IndicatorTestCatalogue {

    public static final List<Indicator> INDICATORS = List.of(
            new Indicator("KT-01", "Thu ngân sách trên địa bàn", Domain.ECONOMIC, "tỷ đồng", Aggregation.SUM,
                    Frequency.MONTHLY, Set.of("department"), false, BigDecimal.ZERO, null, true),
            new Indicator("XH-01", "Tỷ lệ giải quyết hồ sơ đúng hạn", Domain.SOCIAL, "%", Aggregation.AVERAGE,
                    Frequency.MONTHLY, Set.of("department"), false, BigDecimal.ZERO, new BigDecimal("100"), true),
            new Indicator("VH-01", "Số hoạt động văn hóa, thể thao", Domain.CULTURAL, "hoạt động",
                    Aggregation.SUM, Frequency.MONTHLY, Set.of("department"), true, BigDecimal.ZERO, null, false),
            new Indicator("XH-02", "Tỷ lệ hộ nghèo", Domain.SOCIAL, "%", Aggregation.AVERAGE, Frequency.QUARTERLY,
                    Set.of("ward", "commune", "special-zone"), false, BigDecimal.ZERO, new BigDecimal("100"), true));

    @Bean
    @Primary
    IndicatorCatalogue testIndicatorCatalogue(OrganisationDirectory directory) {
        return new IndicatorCatalogue() {
            @Override
            public String currentVersion() {
                return "test.1";
            }

            @Override
            public List<Indicator> indicators() {
                return INDICATORS;
            }

            @Override
            public Optional<Indicator> find(String code) {
                return INDICATORS.stream().filter(i -> i.code().equals(code)).findFirst();
            }

            @Override
            public List<Indicator> indicatorsFor(String unitCode, ReportingPeriod period) {
                String kind = directory.unit(unitCode).map(u -> u.kind().code()).orElse("");
                return INDICATORS.stream().filter(i -> i.frequency() == period.frequency()
                        && i.reportedBy().contains(kind)).toList();
            }

            @Override
            public Optional<BigDecimal> yearlyTarget(String indicatorCode, String unitCode, int year) {
                return Optional.empty();
            }

            @Override
            public Map<String, String> validate(String unitCode, ReportingPeriod period,
                                                Map<String, BigDecimal> values) {
                Map<String, String> problems = new LinkedHashMap<>();
                List<Indicator> own = indicatorsFor(unitCode, period);
                for (Indicator i : own) {
                    BigDecimal v = values.get(i.code());
                    if (v == null) {
                        if (i.required()) {
                            problems.put(i.code(), "Chưa nhập số liệu chỉ tiêu bắt buộc \"" + i.name() + "\"");
                        }
                    } else if (i.minimum() != null && v.compareTo(i.minimum()) < 0) {
                        problems.put(i.code(), "\"" + i.name() + "\" không được nhỏ hơn " + i.minimum());
                    } else if (i.maximum() != null && v.compareTo(i.maximum()) > 0) {
                        problems.put(i.code(), "\"" + i.name() + "\" không được lớn hơn " + i.maximum());
                    } else if (i.integerOnly() && v.stripTrailingZeros().scale() > 0) {
                        problems.put(i.code(), "\"" + i.name() + "\" phải là số nguyên");
                    }
                }
                values.keySet().stream().filter(c -> own.stream().noneMatch(i -> i.code().equals(c)))
                        .forEach(c -> problems.put(c, "Đơn vị không báo cáo chỉ tiêu " + c));
                return problems;
            }
        };
    }
}
