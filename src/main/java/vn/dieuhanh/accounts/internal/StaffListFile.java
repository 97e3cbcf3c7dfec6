package vn.dieuhanh.accounts.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.dieuhanh.platform.CsvFile;
import vn.dieuhanh.platform.InputRejected;

/**
 * Reads the city's staff list, CSV (UTF-8, comma-separated) or Excel (.xlsx, first sheet), whose first row names the
 * columns: the template's Vietnamese headers (Họ và tên, Tên đăng nhập, Thư điện tử, Điện thoại, Mã đơn vị, Phòng ban,
 * Chức vụ, Vai trò) or their English names (full_name, login, email, phone, unit, division, position, role), in any
 * order, case and accents ignored.
 */
final class StaffListFile {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_ROWS = 60_000;

    /** Column key to the accepted header spellings (after {@link #key}). */
    private static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

    static {
        COLUMNS.put("fullName", List.of("ho_va_ten", "ho_ten", "full_name"));
        COLUMNS.put("login", List.of("ten_dang_nhap", "login"));
        COLUMNS.put("email", List.of("thu_dien_tu", "email", "e_mail"));
        COLUMNS.put("phone", List.of("dien_thoai", "so_dien_thoai", "phone"));
        COLUMNS.put("unit", List.of("ma_don_vi", "don_vi", "unit"));
        COLUMNS.put("division", List.of("phong_ban", "ma_phong_ban", "division"));
        COLUMNS.put("position", List.of("chuc_vu", "position"));
        COLUMNS.put("role", List.of("vai_tro", "role"));
    }

    private StaffListFile() {
    }

    record Read(String fileName, String sha256, List<StaffRow> rows) {
    }

    static Read read(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new InputRejected("Tệp trống, hãy chọn tệp danh sách cán bộ (the file is empty)");
        }
        if (bytes.length > MAX_BYTES) {
            throw new InputRejected("Tệp quá lớn, tối đa 10 MB (the file is larger than 10 MB)");
        }
        String name = fileName == null || fileName.isBlank() ? "danh-sach-can-bo" : fileName.strip();
        if (name.length() > 255) {
            name = name.substring(0, 255);
        }
        boolean excel = bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K'; // a zip: .xlsx
        List<Map<String, String>> records = excel ? excelRecords(bytes) : csvRecords(name, bytes);
        if (records.size() > MAX_ROWS) {
            throw new InputRejected("Tệp có quá nhiều dòng, tối đa " + MAX_ROWS + " (too many rows, at most "
                    + MAX_ROWS + ")");
        }
        List<StaffRow> rows = new ArrayList<>();
        for (Map<String, String> record : records) {
            int rowNo = Integer.parseInt(record.get("#"));
            rows.add(new StaffRow(rowNo, record.get("fullName"), record.get("login"), record.get("email"),
                    record.get("phone"), record.get("unit"), record.get("division"), record.get("position"),
                    record.get("role")));
        }
        return new Read(name, sha256(bytes), rows);
    }

    private static List<Map<String, String>> csvRecords(String name, byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Map<String, String>> parsed;
        try {
            parsed = CsvFile.parse(name, text);
        } catch (IllegalStateException e) {
            throw new InputRejected("Tệp CSV không đúng định dạng: " + e.getMessage() + " (malformed CSV file)");
        }
        if (parsed.isEmpty()) {
            throw new InputRejected("Tệp không có dòng cán bộ nào (the file has no rows)");
        }
        List<String> header = new ArrayList<>(parsed.get(0).keySet());
        Map<String, Integer> columns = columns(header);
        List<Map<String, String>> result = new ArrayList<>();
        // CsvFile skips blank lines: row numbers follow the records, header = 1
        int rowNo = 1;
        for (Map<String, String> row : parsed) {
            rowNo++;
            List<String> values = new ArrayList<>(row.values());
            result.add(record(rowNo, columns, values));
        }
        return result;
    }

    private static List<Map<String, String>> excelRecords(byte[] bytes) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            if (headerRow == null) {
                throw new InputRejected("Tệp không có dòng tiêu đề (the file has no header row)");
            }
            List<String> header = cells(headerRow, formatter, headerRow.getLastCellNum());
            Map<String, Integer> columns = columns(header);
            List<Map<String, String>> result = new ArrayList<>();
            for (int r = headerRow.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                List<String> values = cells(row, formatter, header.size());
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (result.size() > MAX_ROWS) {
                    break;
                }
                result.add(record(r + 1, columns, values));
            }
            if (result.isEmpty()) {
                throw new InputRejected("Tệp không có dòng cán bộ nào (the file has no rows)");
            }
            return result;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputRejected rejected) {
                throw rejected;
            }
            throw new InputRejected("Không đọc được tệp Excel (.xlsx) (cannot read the Excel file)");
        }
    }

    private static List<String> cells(Row row, DataFormatter formatter, int count) {
        List<String> values = new ArrayList<>();
        for (int c = 0; c < Math.max(0, count); c++) {
            Cell cell = row.getCell(c);
            values.add(cell == null ? "" : formatter.formatCellValue(cell).trim());
        }
        return values;
    }

    private static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String key = key(header.get(i));
            for (Map.Entry<String, List<String>> column : COLUMNS.entrySet()) {
                if (column.getValue().contains(key)) {
                    columns.putIfAbsent(column.getKey(), i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (String required : List.of("fullName", "login", "unit", "role")) {
            if (!columns.containsKey(required)) {
                missing.add(switch (required) {
                    case "fullName" -> "Họ và tên";
                    case "login" -> "Tên đăng nhập";
                    case "unit" -> "Mã đơn vị";
                    default -> "Vai trò";
                });
            }
        }
        if (!missing.isEmpty()) {
            throw new InputRejected("Tệp thiếu cột: " + String.join(", ", missing)
                    + " (missing columns; use the template)");
        }
        return columns;
    }

    private static Map<String, String> record(int rowNo, Map<String, Integer> columns, List<String> values) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("#", Integer.toString(rowNo));
        for (String column : COLUMNS.keySet()) {
            Integer index = columns.get(column);
            String value = index == null || index >= values.size() ? null : values.get(index).strip();
            record.put(column, value == null || value.isEmpty() ? null : value);
        }
        return record;
    }

    /** "Tên đăng nhập" and "ten_dang_nhap" alike: lower case, no accents, words joined by underscores. */
    static String key(String text) {
        String plain = MARKS.matcher(Normalizer.normalize(text.strip().replace('đ', 'd').replace('Đ', 'D'),
                Normalizer.Form.NFD)).replaceAll("").toLowerCase(Locale.ROOT);
        return EDGES.matcher(NOT_WORD.matcher(plain).replaceAll("_")).replaceAll("");
    }

    private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}");
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern EDGES = java.util.regex.Pattern.compile("^_|_$");

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
