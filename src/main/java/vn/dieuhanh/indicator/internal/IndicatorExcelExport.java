package vn.dieuhanh.indicator.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The city table as an Excel workbook (.xlsx): Vietnamese headers, one row per indicator, the status coloured. */
@Component
class IndicatorExcelExport {

    static final List<String> HEADERS = List.of("Mã chỉ tiêu", "Tên chỉ tiêu", "Lĩnh vực", "Đơn vị tính",
            "Kỳ số liệu", "Số liệu kỳ", "Lũy kế từ đầu năm", "Kế hoạch năm", "Tỷ lệ đạt kế hoạch (%)",
            "Số đơn vị đã báo cáo", "Số đơn vị phải báo cáo", "Đánh giá");

    /** Fill colours of the status cell (RGB). */
    static final Map<String, String> COLOURS = Map.of(IndicatorStatus.RED, "F8696B", IndicatorStatus.ORANGE,
            "FFC000", IndicatorStatus.GREEN, "63BE7B", IndicatorStatus.GREY, "BFBFBF");

    byte[] cityTable(IndicatorTables.CityTable table) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Chỉ tiêu " + table.period());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Map<String, CellStyle> statusStyles = new HashMap<>();
            COLOURS.forEach((status, rgb) -> {
                XSSFCellStyle style = workbook.createCellStyle();
                style.setFillForegroundColor(new XSSFColor(java.util.HexFormat.of().parseHex(rgb), null));
                style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
                statusStyles.put(status, style);
            });
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("Tình hình thực hiện các chỉ tiêu kinh tế - xã hội, quốc phòng - an ninh "
                    + table.periodLabel() + " (danh mục phiên bản " + table.catalogueVersion() + ")");
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 2;
            for (IndicatorTables.CityRow row : table.rows()) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.code());
                line.createCell(1).setCellValue(row.name());
                line.createCell(2).setCellValue(row.domainLabel());
                line.createCell(3).setCellValue(row.unitOfMeasure());
                line.createCell(4).setCellValue(row.period());
                number(line, 5, row.value());
                number(line, 6, row.yearToDate());
                number(line, 7, row.plan());
                if (row.achievedRatio() != null) {
                    line.createCell(8).setCellValue(BigDecimal.valueOf(row.achievedRatio())
                            .multiply(BigDecimal.valueOf(100)).doubleValue());
                }
                line.createCell(9).setCellValue(row.unitsReported());
                line.createCell(10).setCellValue(row.unitsExpected());
                Cell status = line.createCell(11);
                status.setCellValue(row.statusLabel());
                CellStyle style = statusStyles.get(row.status());
                if (style != null) {
                    status.setCellStyle(style);
                }
            }
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.setColumnWidth(c, (c == 1 ? 60 : c == 11 ? 36 : 14) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int column, BigDecimal value) {
        if (value != null) {
            row.createCell(column).setCellValue(value.doubleValue());
        }
    }
}
