package vn.dieuhanh.authority.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import vn.dieuhanh.calendar.WorkingCalendar;

/** The city-wide report of delegation decisions as an Excel workbook (.xlsx): Vietnamese headers, one row a decision. */
@Component
class DelegationExcelExport {

    static final List<String> HEADERS = List.of("Mã phường, xã", "Phường, xã, đặc khu", "Số quyết định",
            "Ngày quyết định", "Người ủy quyền", "Người được ủy quyền", "Phạm vi (nhiệm vụ chứng thực)",
            "Hiệu lực từ ngày", "Hiệu lực đến hết ngày", "Trạng thái", "Có hiệu lực hôm nay", "Ngày ký",
            "Lý do kết thúc");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    byte[] delegations(LocalDate today, List<DelegationService.View> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Ủy quyền chứng thực");
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue("Quyết định ủy quyền ký chứng thực của Chủ tịch UBND phường, xã, đặc khu "
                    + "(Nghị quyết 29/2025/NQ-HĐND), lập ngày " + DAY.format(today));
            title.getCell(0).setCellStyle(bold);
            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADERS.size(); c++) {
                header.createCell(c).setCellValue(HEADERS.get(c));
                header.getCell(c).setCellStyle(bold);
            }
            int r = 2;
            for (DelegationService.View d : rows) {
                Row row = sheet.createRow(r++);
                int c = 0;
                row.createCell(c++).setCellValue(d.unitCode());
                row.createCell(c++).setCellValue(d.unitName());
                row.createCell(c++).setCellValue(d.decisionNumber());
                row.createCell(c++).setCellValue(DAY.format(d.decisionDate()));
                row.createCell(c++).setCellValue(d.grantorName() == null ? "" : d.grantorName());
                row.createCell(c++).setCellValue(String.join("; ", d.delegates().stream()
                        .map(g -> g.fullName() + " (" + g.userId() + ")").toList()));
                row.createCell(c++).setCellValue(String.join(", ", d.scope()));
                row.createCell(c++).setCellValue(DAY.format(d.validFrom()));
                row.createCell(c++).setCellValue(DAY.format(d.validTo()));
                row.createCell(c++).setCellValue(d.statusLabel());
                row.createCell(c++).setCellValue(d.inForceToday() ? "Có" : "Không");
                row.createCell(c++).setCellValue(d.signedAt() == null ? "" : DAY.format(d.signedAt().atZoneSameInstant(WorkingCalendar.ZONE)));
                row.createCell(c).setCellValue(d.endReason() == null ? "" : d.endReason());
            }
            for (int c = 0; c < HEADERS.size(); c++) {
                sheet.setColumnWidth(c, (c == 1 || c == 5 ? 36 : 18) * 256);
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
