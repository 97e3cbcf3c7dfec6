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

/** The unit ranking as an Excel workbook (.xlsx) with Vietnamese headers, one row per unit, best first. */
@Component
class KpiExcelExport {

    static final List<String> HEADERS = List.of("Hạng", "Hạng trong loại đơn vị", "Mã đơn vị", "Tên đơn vị",
            "Loại đơn vị", "Số nhiệm vụ", "Số nhiệm vụ hoàn thành", "Điểm tiêu chí chung", "Điểm số lượng",
            "Điểm chất lượng", "Điểm tiến độ", "Tổng điểm", "Xếp loại");

    byte[] unitRanking(String period, List<KpiScoring.Ranked> ranking) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Xếp hạng " + period);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("Kết quả đánh giá, xếp hạng đơn vị kỳ " + period
                    + " (Nghị định 335/2025/NĐ-CP)");
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
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
                row.createCell(2).setCellValue(s.subject());
                row.createCell(3).setCellValue(s.unitName() == null ? "" : s.unitName());
                row.createCell(4).setCellValue(s.unitKind() == null ? "" : s.unitKind());
                row.createCell(5).setCellValue(s.items());
                row.createCell(6).setCellValue(s.completedItems());
                row.createCell(7).setCellValue(s.general().doubleValue());
                row.createCell(8).setCellValue(s.quantity().doubleValue());
                row.createCell(9).setCellValue(s.quality().doubleValue());
                row.createCell(10).setCellValue(s.progress().doubleValue());
                row.createCell(11).setCellValue(s.total().doubleValue());
                row.createCell(12).setCellValue(s.bandLabel());
            }
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.setColumnWidth(c, (c == 3 ? 32 : 16) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
