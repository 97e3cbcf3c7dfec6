package vn.dieuhanh.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.indicator.internal.CatalogueImporter;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * The catalogue, targets and aggregated tables through REST, on PostgreSQL, with approved values from a test double.
 *
 * <pre>
 * Period 2026-03. Expected units (every period of 2026): phuong-sai-gon, phuong-ben-thanh, phuong-ban-co (wards),
 * xa-thanh-an (commune), so-tai-chinh (department; reports only KT-04, XH-05, XH-06, XH-11).
 *
 * KT-01 budget revenue (SUM, monthly, targets-2026: sai-gon 3500, ben-thanh 2800 overrides, ward 250, commune 120)
 *            sai-gon ben-thanh ban-co thanh-an | city
 *   Jan        300     200       15     10     | 525
 *   Feb        280     210       15      8     | 513
 *   Mar        320     240       15      -     | 575      units reported 3 of 4 (the department does not report it)
 *   year to date 525 + 513 + 575 = 1613; plan 3500 + 2800 + 250 + 120 = 6670; ratio 1613 / 6670 = 0.2418
 *   expected 3/12 = 0.25; pace 0.2418 / 0.25 = 0.967 (0.9 to 1) -> ORANGE "Đang thực hiện, chậm so với tiến độ"
 *   per unit: sai-gon 900 / 3500 = 0.2571, pace 1.03 -> GREEN "Đúng tiến độ";
 *             ben-thanh 650 / 2800 = 0.2321, pace 0.93 -> ORANGE; ban-co 45 / 250 = 0.18, pace 0.72 -> RED;
 *             thanh-an did not report March -> GREY "Chưa đánh giá (chưa đủ số liệu báo cáo)" (ytd 18, target 120)
 * QP-02 crimes (SUM, monthly, lower is better; ceilings ward 30, commune 20 -> plan 110)
 *   Jan 3+3+3+3 = 12, Feb 2+2+2+2 = 8, Mar 2+2+2+1 = 7; ytd 27; 27 / 110 = 0.2455; pace 0.98 <= 1 -> GREEN
 *   "Trong mức kiểm soát"
 * XH-04 jobs (SUM, monthly; ward 1800, commune 900 -> plan 6300): only March, 100 each -> 400; 400 / 6300 = 0.0635;
 *   pace 0.254 -> RED "Có nguy cơ không đạt kế hoạch"
 * XH-05 dossiers on time % (AVERAGE, monthly, all five units, targets 98 -> plan 98)
 *   Jan: sai-gon 90, ben-thanh 92 -> 91; Feb: none; Mar: 99, 97, 95, 100, 96 -> 487 / 5 = 97.4
 *   ytd mean of the months with values (91 + 97.4) / 2 = 94.2; 94.2 / 98 = 0.9612; expected 1 -> ORANGE; 5 of 5
 * XH-02 health insurance % (LATEST, quarterly -> 2026-Q1; ward 95.5, commune 94 -> plan (3 x 95.5 + 94) / 4 = 95.125)
 *   Q1: 97, 96, 96, 95 -> 96; 96 / 95.125 = 1.0092 >= 1 -> GREEN "Đã đạt kế hoạch năm"
 * KT-07 land handed over (no targets): sai-gon 2.5 in Q1 -> value 2.5, no plan -> GREY "Chưa đánh giá (chưa có kế
 *   hoạch năm)"
 * KT-02 new enterprises: nothing reported -> 0 of 4, GREY "Chưa đánh giá (chưa đủ số liệu báo cáo)"
 * </pre>
 */
@PostgresIntegrationTest
@Import(InMemoryReportedValues.Beans.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorApiTest {

    static final String PASSWORD = "Chi-Tieu-2026!";
    static final String OFFICER = "ct-officer.sai-gon";
    static final String SAI_GON = "phuong-sai-gon";
    static final String BEN_THANH = "phuong-ben-thanh";
    static final String BAN_CO = "phuong-ban-co";
    static final String THANH_AN = "xa-thanh-an";
    static final String TAI_CHINH = "so-tai-chinh";

    @Autowired
    InMemoryReportedValues values;
    @Autowired
    OfficialAccounts accounts;
    @Autowired
    CatalogueImporter importer;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeAll
    void scenario() {
        http = new HttpClient(port);
        accounts.register(new Official(OFFICER, "Công chức phường Sài Gòn", null, SAI_GON, null, Role.OFFICER),
                PASSWORD);
        values.clear();
        for (String period : List.of("2026-01", "2026-02", "2026-03", "2026-Q1", "2026")) {
            values.expect(period, List.of(SAI_GON, BEN_THANH, BAN_CO, THANH_AN, TAI_CHINH));
        }
        approve("2026-01", "KT-01", "300", "200", "15", "10");
        approve("2026-02", "KT-01", "280", "210", "15", "8");
        approve("2026-03", "KT-01", "320", "240", "15", null);
        approve("2026-01", "QP-02", "3", "3", "3", "3");
        approve("2026-02", "QP-02", "2", "2", "2", "2");
        approve("2026-03", "QP-02", "2", "2", "2", "1");
        approve("2026-03", "XH-04", "100", "100", "100", "100");
        approve("2026-01", "XH-05", "90", "92", null, null);
        approve("2026-03", "XH-05", "99", "97", "95", "100");
        values.approve("2026-03", "XH-05", TAI_CHINH, "96");
        approve("2026-Q1", "XH-02", "97", "96", "96", "95");
        values.approve("2026-Q1", "KT-07", SAI_GON, "2.5");
    }

    /** Values of sai-gon, ben-thanh, ban-co, thanh-an (null: not reported). */
    void approve(String period, String indicator, String... byUnit) {
        List<String> units = List.of(SAI_GON, BEN_THANH, BAN_CO, THANH_AN);
        for (int i = 0; i < byUnit.length; i++) {
            if (byUnit[i] != null) {
                values.approve(period, indicator, units.get(i), byUnit[i]);
            }
        }
    }

    JsonNode get(String path) {
        return http.getJson(path, OFFICER, PASSWORD);
    }

    static JsonNode row(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.get(field).asText().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("no row with " + field + " = " + value + " in " + rows);
    }

    @Test
    void theCatalogueInForceWithFilters() {
        JsonNode all = get("/api/indicators");
        assertThat(all.size()).isGreaterThanOrEqualTo(30);
        assertThat(all.get(0).get("code").asText()).isEqualTo("KT-01");
        assertThat(all.get(0).get("version").asText()).isEqualTo("2026.1");
        JsonNode security = get("/api/indicators?domain=DEFENCE_SECURITY&frequency=MONTHLY");
        List<String> codes = new ArrayList<>();
        security.forEach(i -> codes.add(i.get("code").asText()));
        assertThat(codes).containsExactly("QP-02", "QP-03", "QP-04", "QP-05");
        JsonNode departments = get("/api/indicators?unitKind=department");
        List<String> departmentCodes = new ArrayList<>();
        departments.forEach(i -> departmentCodes.add(i.get("code").asText()));
        assertThat(departmentCodes).containsExactly("KT-04", "XH-05", "XH-06", "XH-11");

        JsonNode revenue = get("/api/indicators/KT-01");
        assertThat(revenue.get("name").asText()).isEqualTo("Thu ngân sách nhà nước trên địa bàn");
        assertThat(revenue.get("domainLabel").asText()).isEqualTo("Kinh tế");
        assertThat(revenue.get("unitOfMeasure").asText()).isEqualTo("tỷ đồng");
        assertThat(revenue.get("aggregation").asText()).isEqualTo("SUM");
        assertThat(revenue.get("minimum").decimalValue()).isEqualByComparingTo("0");
        assertThat(revenue.hasNonNull("maximum")).isFalse();
        assertThat(get("/api/indicators/QP-02").get("direction").asText()).isEqualTo("LOWER_IS_BETTER");

        assertThat(http.get("/api/indicators/ZZ-99", OFFICER, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/indicators?domain=SPORTS", OFFICER, PASSWORD).statusCode()).isEqualTo(400);
        assertThat(http.get("/api/indicators?version=1999.1", OFFICER, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/indicators", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void aUnitsTargetsAreItsOwnOverrideOrItsKindsRule() {
        JsonNode saiGon = get("/api/indicators/targets?unit=phuong-sai-gon&year=2026");
        JsonNode revenue = row(saiGon.get("targets"), "indicatorCode", "KT-01");
        assertThat(revenue.get("target").decimalValue()).isEqualByComparingTo("3500");
        assertThat(revenue.get("override").asBoolean()).isTrue();
        JsonNode enterprises = row(saiGon.get("targets"), "indicatorCode", "KT-02");
        assertThat(enterprises.get("target").decimalValue()).isEqualByComparingTo("400");
        assertThat(enterprises.get("appliesTo").asText()).isEqualTo("kind:ward");
        JsonNode commune = get("/api/indicators/targets?unit=xa-thanh-an&year=2026");
        assertThat(row(commune.get("targets"), "indicatorCode", "KT-01").get("target").decimalValue())
                .isEqualByComparingTo("120");
        assertThat(get("/api/indicators/targets?unit=phuong-sai-gon&year=2031").get("targets").size()).isZero();
        assertThat(http.get("/api/indicators/targets?unit=nowhere&year=2026", OFFICER, PASSWORD).statusCode())
                .isEqualTo(404);
    }

    @Test
    void theCityTableWithHandComputedValuesAndStatuses() {
        JsonNode table = get("/api/indicators/table?period=2026-03");
        assertThat(table.get("catalogueVersion").asText()).isEqualTo("2026.1");
        JsonNode rows = table.get("rows");

        JsonNode revenue = row(rows, "code", "KT-01");
        assertThat(revenue.get("period").asText()).isEqualTo("2026-03");
        assertThat(revenue.get("value").decimalValue()).isEqualByComparingTo("575");
        assertThat(revenue.get("yearToDate").decimalValue()).isEqualByComparingTo("1613");
        assertThat(revenue.get("plan").decimalValue()).isEqualByComparingTo("6670");
        assertThat(revenue.get("achievedRatio").asDouble()).isEqualTo(0.2418);
        assertThat(revenue.get("expectedRatio").asDouble()).isEqualTo(0.25);
        assertThat(revenue.get("unitsReported").asInt()).isEqualTo(3);
        assertThat(revenue.get("unitsExpected").asInt()).isEqualTo(4);
        assertThat(revenue.get("status").asText()).isEqualTo("ORANGE");
        assertThat(revenue.get("statusLabel").asText()).isEqualTo("Đang thực hiện, chậm so với tiến độ");

        JsonNode crimes = row(rows, "code", "QP-02");
        assertThat(crimes.get("yearToDate").decimalValue()).isEqualByComparingTo("27");
        assertThat(crimes.get("plan").decimalValue()).isEqualByComparingTo("110");
        assertThat(crimes.get("achievedRatio").asDouble()).isEqualTo(0.2455);
        assertThat(crimes.get("status").asText()).isEqualTo("GREEN");
        assertThat(crimes.get("statusLabel").asText()).isEqualTo("Trong mức kiểm soát");

        JsonNode jobs = row(rows, "code", "XH-04");
        assertThat(jobs.get("yearToDate").decimalValue()).isEqualByComparingTo("400");
        assertThat(jobs.get("plan").decimalValue()).isEqualByComparingTo("6300");
        assertThat(jobs.get("achievedRatio").asDouble()).isEqualTo(0.0635);
        assertThat(jobs.get("status").asText()).isEqualTo("RED");

        JsonNode dossiers = row(rows, "code", "XH-05");
        assertThat(dossiers.get("value").decimalValue()).isEqualByComparingTo("97.4");
        assertThat(dossiers.get("yearToDate").decimalValue()).isEqualByComparingTo("94.2");
        assertThat(dossiers.get("plan").decimalValue()).isEqualByComparingTo("98");
        assertThat(dossiers.get("achievedRatio").asDouble()).isEqualTo(0.9612);
        assertThat(dossiers.get("unitsReported").asInt()).isEqualTo(5);
        assertThat(dossiers.get("unitsExpected").asInt()).isEqualTo(5);
        assertThat(dossiers.get("status").asText()).isEqualTo("ORANGE");

        JsonNode insurance = row(rows, "code", "XH-02");
        assertThat(insurance.get("period").asText()).isEqualTo("2026-Q1");
        assertThat(insurance.get("value").decimalValue()).isEqualByComparingTo("96");
        assertThat(insurance.get("plan").decimalValue()).isEqualByComparingTo("95.125");
        assertThat(insurance.get("achievedRatio").asDouble()).isEqualTo(1.0092);
        assertThat(insurance.get("status").asText()).isEqualTo("GREEN");
        assertThat(insurance.get("statusLabel").asText()).isEqualTo("Đã đạt kế hoạch năm");

        JsonNode land = row(rows, "code", "KT-07");
        assertThat(land.get("value").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(land.hasNonNull("plan")).isFalse();
        assertThat(land.get("statusLabel").asText()).isEqualTo("Chưa đánh giá (chưa có kế hoạch năm)");

        JsonNode enterprises = row(rows, "code", "KT-02");
        assertThat(enterprises.get("unitsReported").asInt()).isZero();
        assertThat(enterprises.get("status").asText()).isEqualTo("GREY");
        assertThat(enterprises.get("statusLabel").asText()).isEqualTo("Chưa đánh giá (chưa đủ số liệu báo cáo)");

        JsonNode security = get("/api/indicators/table?period=2026-03&domain=DEFENCE_SECURITY").get("rows");
        security.forEach(r -> assertThat(r.get("domain").asText()).isEqualTo("DEFENCE_SECURITY"));
        assertThat(http.get("/api/indicators/table?period=2026-13", OFFICER, PASSWORD).statusCode()).isEqualTo(400);
    }

    @Test
    void theUnitTableOfOneIndicator() {
        JsonNode table = get("/api/indicators/table/units?period=2026-03&indicator=KT-01");
        JsonNode rows = table.get("rows");
        assertThat(rows.size()).isEqualTo(4);
        JsonNode saiGon = row(rows, "unitCode", SAI_GON);
        assertThat(saiGon.get("yearToDate").decimalValue()).isEqualByComparingTo("900");
        assertThat(saiGon.get("target").decimalValue()).isEqualByComparingTo("3500");
        assertThat(saiGon.get("achievedRatio").asDouble()).isEqualTo(0.2571);
        assertThat(saiGon.get("status").asText()).isEqualTo("GREEN");
        assertThat(row(rows, "unitCode", BEN_THANH).get("status").asText()).isEqualTo("ORANGE");
        JsonNode banCo = row(rows, "unitCode", BAN_CO);
        assertThat(banCo.get("achievedRatio").asDouble()).isEqualTo(0.18);
        assertThat(banCo.get("status").asText()).isEqualTo("RED");
        JsonNode thanhAn = row(rows, "unitCode", THANH_AN);
        assertThat(thanhAn.get("reported").asBoolean()).isFalse();
        assertThat(thanhAn.get("yearToDate").decimalValue()).isEqualByComparingTo("18");
        assertThat(thanhAn.get("status").asText()).isEqualTo("GREY");
        assertThat(http.get("/api/indicators/table/units?period=2026-03&indicator=ZZ-99", OFFICER, PASSWORD)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void theCityTableAsAnExcelWorkbook() throws IOException {
        HttpResponse<byte[]> response = download("/api/indicators/table.xlsx?period=2026-03");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("chi-tieu-2026-03.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(1);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("Mã chỉ tiêu");
            assertThat(header.getCell(7).getStringCellValue()).isEqualTo("Kế hoạch năm");
            assertThat(header.getCell(11).getStringCellValue()).isEqualTo("Đánh giá");
            assertThat(sheet.getLastRowNum() - 1).as("one row per indicator")
                    .isEqualTo(get("/api/indicators").size());
            Row revenue = null;
            Row jobs = null;
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                String code = sheet.getRow(r).getCell(0).getStringCellValue();
                if (code.equals("KT-01")) {
                    revenue = sheet.getRow(r);
                } else if (code.equals("XH-04")) {
                    jobs = sheet.getRow(r);
                }
            }
            assertThat(revenue).isNotNull();
            assertThat(revenue.getCell(1).getStringCellValue()).isEqualTo("Thu ngân sách nhà nước trên địa bàn");
            assertThat(revenue.getCell(5).getNumericCellValue()).isEqualTo(575.0);
            assertThat(revenue.getCell(6).getNumericCellValue()).isEqualTo(1613.0);
            assertThat(revenue.getCell(7).getNumericCellValue()).isEqualTo(6670.0);
            assertThat(revenue.getCell(8).getNumericCellValue()).isEqualTo(24.18);
            assertThat(revenue.getCell(11).getStringCellValue()).isEqualTo("Đang thực hiện, chậm so với tiến độ");
            assertThat(((XSSFCellStyle) revenue.getCell(11).getCellStyle()).getFillForegroundXSSFColor().getARGBHex())
                    .isEqualTo("FFFFC000");
            assertThat(jobs.getCell(11).getStringCellValue()).isEqualTo("Có nguy cơ không đạt kế hoạch");
            assertThat(((XSSFCellStyle) jobs.getCell(11).getCellStyle()).getFillForegroundXSSFColor().getARGBHex())
                    .isEqualTo("FFF8696B");
        }
    }

    @Test
    void reimportingIsIdempotentOldVersionsStayAndAReleasedVersionCannotChange(@TempDir Path dir) throws IOException {
        CatalogueImporter.ImportResult again = importer.importFrom("classpath:indicator/");
        assertThat(again.versionsImported()).isZero();
        assertThat(again.targetFilesImported()).isZero();
        assertThat(again.versionInForce()).isEqualTo("2026.1");

        // an earlier version is imported and kept, the version in force stays the highest
        String shipped = new String(getClass().getClassLoader().getResourceAsStream("indicator/catalogue-2026.1.csv")
                .readAllBytes(), StandardCharsets.UTF_8);
        String older = shipped.lines().limit(11).reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n";
        Files.writeString(dir.resolve("catalogue-2025.1.csv"), older, StandardCharsets.UTF_8);
        assertThat(importer.importFrom(dir.toUri().toString()).versionsImported()).isEqualTo(1);
        assertThat(importer.importFrom(dir.toUri().toString()).versionsImported()).isZero();
        JsonNode versions = get("/api/indicators/versions");
        assertThat(versions.get(0).get("version").asText()).isEqualTo("2026.1");
        assertThat(versions.get(0).get("inForce").asBoolean()).isTrue();
        assertThat(versions.get(1).get("version").asText()).isEqualTo("2025.1");
        assertThat(versions.get(1).get("indicatorCount").asInt()).isEqualTo(10);
        assertThat(get("/api/indicators?version=2025.1").size()).isEqualTo(10);
        assertThat(get("/api/indicators").size()).isEqualTo(get("/api/indicators?version=2026.1").size());

        // editing a released version is refused
        Files.writeString(dir.resolve("catalogue-2025.1.csv"), older.replace("tỷ đồng", "triệu đồng"),
                StandardCharsets.UTF_8);
        assertThatThrownBy(() -> importer.importFrom(dir.toUri().toString()))
                .hasMessageContaining("was changed after it was released");
    }

    HttpResponse<byte[]> download(String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + path))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (OFFICER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
