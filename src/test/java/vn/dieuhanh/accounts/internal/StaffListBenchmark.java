package vn.dieuhanh.accounts.internal;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import vn.dieuhanh.organisation.Role;

/**
 * Benchmark command (not a test): reads and plans a city-sized staff list (50,000 rows, 190 units) against a directory
 * of 50,000 officials, in memory, and prints the figures. The database part (rows and changes written in batches of
 * 1,000) is not included. Run after {@code mvn -o test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt) vn.dieuhanh.accounts.internal.StaffListBenchmark}
 * where cp.txt comes from {@code mvn -o dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class StaffListBenchmark {

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int units = 190;
        StringBuilder csv = new StringBuilder("Họ và tên,Tên đăng nhập,Thư điện tử,Điện thoại,Mã đơn vị,Phòng ban,"
                + "Chức vụ,Vai trò\n");
        Map<String, Person> officials = new HashMap<>();
        Set<String> unitCodes = new HashSet<>();
        Map<String, String> divisionUnits = new HashMap<>();
        Map<String, String> divisionNames = new HashMap<>();
        for (int u = 0; u < units; u++) {
            unitCodes.add("unit-" + u);
            divisionUnits.put("unit-" + u + ".van-phong", "unit-" + u);
            divisionNames.put("unit-" + u + ".van-phong", "Văn phòng");
        }
        for (int i = 0; i < rows; i++) {
            String unit = "unit-" + (i % units);
            // 1% move to the next unit, 1% change their phone, the rest are unchanged
            String fileUnit = i % 100 == 0 ? "unit-" + ((i + 1) % units) : unit;
            String phone = i % 100 == 1 ? "0987" + String.format("%06d", i) : "0912" + String.format("%06d", i);
            Role role = i < units ? Role.HEAD : Role.OFFICER;
            csv.append("Cán bộ số ").append(i).append(",cb").append(i).append(",cb").append(i)
                    .append("@tphcm.gov.vn,").append(phone).append(',').append(fileUnit).append(",van-phong,")
                    .append("Chuyên viên,").append(role.name()).append('\n');
            officials.put("cb" + i, new Person("cb" + i, "Cán bộ số " + i, "cb" + i + "@tphcm.gov.vn",
                    "0912" + String.format("%06d", i), unit, unit + ".van-phong", "Chuyên viên", role, true));
        }
        // 0.5% of the directory is missing from the file: leavers
        for (int i = rows; i < rows + rows / 200; i++) {
            officials.put("cb" + i, new Person("cb" + i, "Cán bộ số " + i, null, null, "unit-" + (i % units), null,
                    null, Role.OFFICER, true));
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        ImportPlanner.DirectoryState state = new ImportPlanner.DirectoryState(officials, Set.of("admin"), unitCodes,
                divisionUnits, divisionNames);
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            StaffListFile.Read read = StaffListFile.read("benchmark.csv", bytes);
            long parsed = System.nanoTime();
            ImportPlan plan = ImportPlanner.plan(read.rows(), state);
            long planned = System.nanoTime();
            System.out.printf("round %d: %d rows (%d KB): read %d ms, plan %d ms; new %d, moved %d, changed %d, "
                            + "leaving %d, unchanged %d, refused %d%n", round, read.rows().size(), bytes.length / 1024,
                    (parsed - start) / 1_000_000, (planned - parsed) / 1_000_000, plan.count(ImportPlan.Kind.NEW),
                    plan.count(ImportPlan.Kind.MOVED), plan.count(ImportPlan.Kind.CHANGED),
                    plan.count(ImportPlan.Kind.LEAVING), plan.unchanged(), plan.refused().size());
        }
    }
}
