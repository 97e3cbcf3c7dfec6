package vn.dieuhanh.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import vn.dieuhanh.accounts.internal.ImportPlan.Kind;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.platform.InputRejected;

/** The staff list's reading and the planner's rules, without a database. */
class ImportPlannerTest {

    static final String WARD = "phuong-ben-thanh";
    static final String OTHER = "phuong-sai-gon";

    static ImportPlanner.DirectoryState directory(Person... officials) {
        Map<String, Person> byId = new java.util.HashMap<>();
        for (Person person : officials) {
            byId.put(person.userId(), person);
        }
        return new ImportPlanner.DirectoryState(byId, Set.of("admin"), Set.of(WARD, OTHER),
                Map.of(WARD + ".van-phong", WARD, OTHER + ".van-phong", OTHER),
                Map.of(WARD + ".van-phong", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân",
                        OTHER + ".van-phong", "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân"));
    }

    static Person person(String id, String unit, Role role) {
        return new Person(id, "Cán bộ " + id, null, null, unit, null, null, role, true);
    }

    @Test
    void theShippedTemplatesReadAlikeAndEveryRowIsAccepted() throws IOException {
        StaffListFile.Read csv = StaffListFile.read("mau.csv", bytes("accounts/mau-danh-sach-can-bo.csv"));
        StaffListFile.Read xlsx = StaffListFile.read("mau.xlsx", bytes("accounts/mau-danh-sach-can-bo.xlsx"));
        assertThat(xlsx.rows()).isEqualTo(csv.rows());
        ImportPlan plan = ImportPlanner.plan(csv.rows(), directory());
        assertThat(plan.refused()).isEmpty();
        assertThat(plan.count(Kind.NEW)).isEqualTo(3);
        assertThat(plan.rows().get(0).person().role()).isEqualTo(Role.HEAD);
        // a division by its code suffix or by its name
        assertThat(plan.rows().get(1).person().divisionCode()).isEqualTo(WARD + ".van-phong");
        assertThat(plan.rows().get(2).person().divisionCode()).isEqualTo(WARD + ".van-phong");
    }

    @Test
    void leaversAreTheMissingOfficialsOfTheUnitsTheFileNamesOnly() {
        String csv = "full_name,login,email,phone,unit,division,position,role\n"
                + "Cán bộ w.head,w.head,,," + WARD + ",,,HEAD\n";
        ImportPlanner.DirectoryState state = directory(person("w.head", WARD, Role.HEAD),
                person("w.gone", WARD, Role.OFFICER), person("o.stays", OTHER, Role.OFFICER),
                new Person("w.left", "Đã nghỉ", null, null, WARD, null, null, Role.OFFICER, false));
        ImportPlan plan = ImportPlanner.plan(StaffListFile.read("f.csv", csv.getBytes(StandardCharsets.UTF_8)).rows(),
                state);
        assertThat(plan.changes()).extracting(ImportPlan.Change::kind, ImportPlan.Change::userId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.LEAVING, "w.gone"));
        assertThat(plan.unchanged()).isEqualTo(1);
        assertThat(plan.coveredUnits()).containsExactly(WARD);
    }

    @Test
    void aRefusedRowStillCountsItsLoginAsPresentAndASystemAccountIsNotImported() {
        String csv = "full_name,login,email,phone,unit,division,position,role\n"
                + "Cán bộ w.head,w.head,,," + WARD + ",,,HEAD\n"
                + "Sai,w.officer,sai@,," + WARD + ",,,OFFICER\n"
                + "Quản trị,admin,,," + WARD + ",,,OFFICER\n";
        ImportPlan plan = ImportPlanner.plan(StaffListFile.read("f.csv", csv.getBytes(StandardCharsets.UTF_8)).rows(),
                directory(person("w.head", WARD, Role.HEAD), person("w.officer", WARD, Role.OFFICER)));
        assertThat(plan.refused()).hasSize(2);
        assertThat(plan.refused().get(1).error()).contains("tài khoản hệ thống");
        assertThat(plan.changes()).isEmpty(); // w.officer is not a leaver: its row is only wrong
    }

    @Test
    void phonesAreNormalisedAndMoversAreToldApart() {
        String csv = "Họ và tên,Tên đăng nhập,Thư điện tử,Điện thoại,Mã đơn vị,Phòng ban,Chức vụ,Vai trò\n"
                + "Chuyển,W.Mover,MOVER@HCM.GOV.VN,+84 912 345 678," + OTHER + ",,,chuyên viên\n";
        ImportPlan plan = ImportPlanner.plan(StaffListFile.read("f.csv", csv.getBytes(StandardCharsets.UTF_8)).rows(),
                directory(person("w.mover", WARD, Role.OFFICER)));
        ImportPlan.Change change = plan.changes().get(0);
        assertThat(change.kind()).isEqualTo(Kind.MOVED);
        assertThat(change.after().phone()).isEqualTo("0912345678");
        assertThat(change.after().email()).isEqualTo("mover@hcm.gov.vn");
        assertThat(change.summary()).contains("Đơn vị: " + WARD + " → " + OTHER);
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRefusedWhole() {
        assertThatThrownBy(() -> StaffListFile.read("f.csv", "name,email\nA,b@c.vn\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(InputRejected.class).hasMessageContaining("Tệp thiếu cột: Họ và tên, Tên đăng nhập");
        assertThatThrownBy(() -> StaffListFile.read("f.xlsx", new byte[] {'P', 'K', 3, 4, 5}))
                .isInstanceOf(InputRejected.class).hasMessageContaining("Không đọc được tệp Excel");
    }

    private static byte[] bytes(String resource) throws IOException {
        try (InputStream in = new ClassPathResource(resource).getInputStream()) {
            return in.readAllBytes();
        }
    }
}
