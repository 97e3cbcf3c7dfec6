package vn.dieuhanh.organisation.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.Roles;

/**
 * Demo accounts (demo profile only): a few city-level people and, for every unit, {@code <code>.head} and
 * {@code <code>.officer}, and for every ward, commune and the special zone {@code <code>.justice}. All share the demo password. Existing accounts are left as they are.
 */
@Component
@Profile("demo")
class DemoAccounts {

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    private final OfficialAccounts accounts;
    private final IdentityService identityService;
    private final DirectoryRepository repository;
    private final String password;

    DemoAccounts(OfficialAccounts accounts, IdentityService identityService, DirectoryRepository repository,
                 @Value("${dieuhanh.demo.password}") String password) {
        this.accounts = accounts;
        this.identityService = identityService;
        this.repository = repository;
        this.password = password;
    }

    void ensure() {
        Set<String> existing = new HashSet<>();
        identityService.createUserQuery().list().stream().map(User::getId).forEach(existing::add);
        List<Official> wanted = new ArrayList<>(List.of(
                new Official("chair", "Chủ tịch UBND Thành phố", null, ReferenceData.CITY_PEOPLES_COMMITTEE,
                        null, Role.LEADER),
                new Official("vicechair", "Phó Chủ tịch UBND Thành phố", null, ReferenceData.CITY_PEOPLES_COMMITTEE,
                        null, Role.LEADER),
                new Official("office.clerk", "Văn thư Văn phòng UBND Thành phố", null, Roles.CITY_OFFICE,
                        Roles.CITY_OFFICE + ".phong-tong-hop", Role.CLERK),
                new Official("analyst", "Chuyên viên phân tích quy trình", null, Roles.CITY_OFFICE,
                        Roles.CITY_OFFICE + ".phong-kiem-soat-thu-tuc-hanh-chinh", Role.ANALYST)));
        for (Unit unit : repository.activeUnits()) {
            String firstDivision = repository.divisions(unit.code()).stream().map(Division::code).findFirst()
                    .orElse(null);
            wanted.add(new Official(unit.code() + ".head", "Thủ trưởng " + unit.name(), null, unit.code(), null,
                    Role.HEAD));
            wanted.add(new Official(unit.code() + ".officer", "Chuyên viên " + unit.name(), null, unit.code(),
                    firstDivision, Role.OFFICER));
            if (unit.kind().isLocal()) { // the justice officer who drafts certification delegations (authority)
                String office = repository.divisions(unit.code()).stream().map(Division::code)
                        .filter(code -> code.endsWith(".van-phong")).findFirst().orElse(firstDivision);
                wanted.add(new Official(unit.code() + ".justice", "Công chức Tư pháp - Hộ tịch " + unit.name(), null,
                        unit.code(), office, Role.JUSTICE));
            }
        }
        int created = 0;
        for (Official official : wanted) {
            if (!existing.contains(official.userId())) {
                accounts.register(official, password);
                created++;
            }
        }
        log.info("Demo accounts: {} wanted, {} created", wanted.size(), created);
    }
}
