package vn.dieuhanh.dossier.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.InputRejected;

/**
 * Counts per reception point, competent unit and procedure of the dossiers received in a period (received, on time,
 * late, paused, refused, open) and the timeliness score: dossiers decided on time over dossiers decided or late, in
 * percent (the timeliness criterion of the service-quality index of Decision 766/QĐ-TTg), 100 when none.
 */
@Service
class DossierOversight {

    enum GroupBy {
        POINT("reception_point", "Điểm tiếp nhận"),
        UNIT("unit_code", "Đơn vị giải quyết"),
        PROCEDURE("procedure_code", "Thủ tục");

        final String column;
        final String label;

        GroupBy(String column, String label) {
            this.column = column;
            this.label = label;
        }
    }

    record Line(String key, String name, long received, long onTime, long late, long paused, long refused, long open,
                BigDecimal timeliness) {
    }

    private final DossierRepository repository;
    private final DossierReferenceData data;
    private final OrganisationDirectory directory;

    DossierOversight(DossierRepository repository, DossierReferenceData data, OrganisationDirectory directory) {
        this.repository = repository;
        this.data = data;
        this.directory = directory;
    }

    List<Line> lines(GroupBy by, LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from) || from.plusYears(5).isBefore(to)) {
            throw new InputRejected("Khoảng thời gian không hợp lệ: từ ngày phải trước đến ngày, tối đa 5 năm "
                    + "(from must be before to, at most 5 years)");
        }
        Instant start = from.atStartOfDay(WorkingCalendar.ZONE).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(WorkingCalendar.ZONE).toInstant();
        return repository.counts(by.column, start, end).stream().map(c -> new Line(c.key(), name(by, c.key()),
                c.received(), c.onTime(), c.late(), c.paused(), c.refused(), c.open(),
                timeliness(c.onTime(), c.late()))).toList();
    }

    static BigDecimal timeliness(long onTime, long late) {
        if (onTime + late == 0) {
            return BigDecimal.valueOf(100).setScale(1, RoundingMode.HALF_UP);
        }
        return BigDecimal.valueOf(onTime * 100).divide(BigDecimal.valueOf(onTime + late), 1, RoundingMode.HALF_UP);
    }

    private String name(GroupBy by, String key) {
        return switch (by) {
            case POINT -> data.point(key).map(ReceptionPoint::name).orElse(key);
            case UNIT -> directory.unit(key).map(Unit::name).orElse(key);
            case PROCEDURE -> data.procedure(key).map(Procedure::name).orElse(key);
        };
    }

    byte[] workbook(LocalDate from, LocalDate to) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            for (GroupBy by : GroupBy.values()) {
                Sheet sheet = workbook.createSheet(by.label);
                Row title = sheet.createRow(0);
                title.createCell(0).setCellValue("Tình hình giải quyết hồ sơ thủ tục hành chính theo " + by.label
                        .toLowerCase() + ", tiếp nhận từ " + from + " đến " + to);
                title.getCell(0).setCellStyle(bold);
                List<String> headers = List.of("Mã", by.label, "Tiếp nhận", "Đúng hạn", "Quá hạn", "Chờ bổ sung",
                        "Từ chối", "Đang giải quyết", "Điểm đúng hạn (%)");
                Row header = sheet.createRow(1);
                for (int c = 0; c < headers.size(); c++) {
                    header.createCell(c).setCellValue(headers.get(c));
                    header.getCell(c).setCellStyle(bold);
                }
                int r = 2;
                for (Line line : lines(by, from, to)) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(line.key());
                    row.createCell(1).setCellValue(line.name());
                    row.createCell(2).setCellValue(line.received());
                    row.createCell(3).setCellValue(line.onTime());
                    row.createCell(4).setCellValue(line.late());
                    row.createCell(5).setCellValue(line.paused());
                    row.createCell(6).setCellValue(line.refused());
                    row.createCell(7).setCellValue(line.open());
                    row.createCell(8).setCellValue(line.timeliness().doubleValue());
                }
                sheet.setColumnWidth(1, 60 * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
