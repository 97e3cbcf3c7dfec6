package vn.dieuhanh.kpi.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/** The rankings as Excel workbooks (.xlsx) with Vietnamese headers, one row per unit or official, best first. */
@Component
class KpiExcelExport {

    static final List<String> HEADERS = List.of("Hạng", "Hạng trong loại đơn vị", "Mã đơn vị", "Tên đơn vị",
            "Loại đơn vị", "Số nhiệm vụ", "Số nhiệm vụ hoàn thành", "Điểm tiêu chí chung", "Điểm số lượng",
            "Điểm chất lượng", "Điểm tiến độ", "Tổng điểm", "Xếp loại");

    static final List<String> OFFICIAL_HEADERS = List.of("Hạng", "Hạng trong đơn vị", "Tài khoản", "Mã đơn vị",
            "Tên đơn vị", "Loại đơn vị", "Số nhiệm vụ", "Số nhiệm vụ hoàn thành", "Điểm tiêu chí chung",
            "Điểm số lượng", "Điểm chất lượng", "Điểm tiến độ", "Tổng điểm", "Xếp loại");

    byte[] unitRanking(String period, List<KpiScoring.Ranked> ranking) {
        return workbook("Kết quả đánh giá, xếp hạng đơn vị kỳ " + period + " (Nghị định 335/2025/NĐ-CP)", period,
                HEADERS, ranking, false);
    }

    byte[] officialRanking(String period, List<KpiScoring.Ranked> ranking) {
        return workbook("Kết quả đánh giá, xếp loại cán bộ, công chức kỳ " + period + " (Nghị định 335/2025/NĐ-CP)",
                period, OFFICIAL_HEADERS, ranking, true);
    }

    private static byte[] workbook(String heading, String period, List<String> headers,
                                   List<KpiScoring.Ranked> ranking, boolean officials) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Xếp hạng " + period);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(heading);
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 2;
            for (KpiScoring.Ranked ranked : ranking) {
                KpiScoring.Score s = ranked.score();
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(ranked.rank());
                if (ranked.rankInKind() != null) {
                    row.createCell(1).setCellValue(ranked.rankInKind());
                }
                int c = 2;
                row.createCell(c++).setCellValue(s.subject());
                if (officials) {
                    row.createCell(c++).setCellValue(s.unitCode() == null ? "" : s.unitCode());
                }
                row.createCell(c++).setCellValue(s.unitName() == null ? "" : s.unitName());
                row.createCell(c++).setCellValue(s.unitKind() == null ? "" : s.unitKind());
                row.createCell(c++).setCellValue(s.items());
                row.createCell(c++).setCellValue(s.completedItems());
                row.createCell(c++).setCellValue(s.general().doubleValue());
                row.createCell(c++).setCellValue(s.quantity().doubleValue());
                row.createCell(c++).setCellValue(s.quality().doubleValue());
                row.createCell(c++).setCellValue(s.progress().doubleValue());
                row.createCell(c++).setCellValue(s.total().doubleValue());
                row.createCell(c).setCellValue(s.bandLabel());
            }
            int nameColumn = officials ? 4 : 3;
            for (int c = 0; c < headers.size(); c++) {
                sheet.setColumnWidth(c, (c == nameColumn ? 32 : 16) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
