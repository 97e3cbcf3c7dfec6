package vn.dieuhanh.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.UnitKind;

@PostgresIntegrationTest
class DirectoryOnPostgresTest {

    static final String ADMIN_PASSWORD = PostgresIntegrationTest.ADMIN_PASSWORD;

    @Autowired
    OrganisationDirectory directory;
    @Autowired
    DirectoryImporter importer;
    @Autowired
    OfficialAccounts accounts;
    @Autowired
    IdentityService identityService;
    @LocalServerPort
    int port;
    final ObjectMapper json = new ObjectMapper();

    @Test
    void importsEveryUnitOfTheCity() {
        assertThat(directory.units(Optional.of(UnitKind.WARD))).hasSize(113);
        assertThat(directory.units(Optional.of(UnitKind.COMMUNE))).hasSize(54);
        assertThat(directory.units(Optional.of(UnitKind.SPECIAL_ZONE))).hasSize(1);
        assertThat(directory.units(Optional.of(UnitKind.DEPARTMENT))).hasSize(20);
        assertThat(directory.units(Optional.of(UnitKind.OFFICE))).hasSize(1);
        assertThat(directory.units(Optional.of(UnitKind.CITY_LEADERSHIP))).hasSize(1);
        assertThat(directory.units(Optional.empty())).hasSize(190);
        assertThat(directory.unit("xa-thanh-an").orElseThrow().name()).isEqualTo("Xã Thanh An");
        assertThat(directory.unit("xa-thanh-an-2").orElseThrow().name()).isEqualTo("Xã Thạnh An");
    }

    @Test
    void mirrorsEveryUnitAndRoleIntoACamundaGroup() {
        for (var unit : directory.units(Optional.empty())) {
            var group = identityService.createGroupQuery().groupId(unit.code()).singleResult();
            assertThat(group).as(unit.code()).isNotNull();
            assertThat(group.getName()).isEqualTo(unit.name());
        }
        for (Role role : Role.values()) {
            assertThat(identityService.createGroupQuery().groupId(role.groupId()).count()).isEqualTo(1);
        }
    }

    @Test
    void everyUnitGroupIsReachableThroughTheEngineRestApi() throws Exception {
        HttpClient http = new HttpClient(port);
        for (var unit : directory.units(Optional.empty())) {
            HttpResponse<String> response = http.get("/engine-rest/group/" + unit.code(), "admin", ADMIN_PASSWORD);
            assertThat(response.statusCode()).as(unit.code()).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("name").asText()).isEqualTo(unit.name());
        }
    }

    @Test
    void reimportingUnchangedFilesChangesNothing() {
        long groupsBefore = identityService.createGroupQuery().count();
        DirectoryImporter.ImportResult again = importer.importReferenceData(ReferenceData.load());
        assertThat(again.filesChanged()).isFalse();
        assertThat(again.groupsWritten()).isZero();
        assertThat(identityService.createGroupQuery().count()).isEqualTo(groupsBefore);
        assertThat(directory.units(Optional.empty())).hasSize(190);
    }

    @Test
    void restApiListsUnitsByKindAndShowsOneWithItsPeople() throws Exception {
        accounts.register(new Official("so-y-te.head", "Nguyễn Văn An", "an@soyte.example", "so-y-te", null,
                Role.HEAD), "Giam-Doc-2026!");
        accounts.register(new Official("so-y-te.officer", "Trần Thị Bình", null, "so-y-te", "so-y-te.van-phong",
                Role.OFFICER), "Chuyen-Vien-2026!");
        HttpClient http = new HttpClient(port);

        JsonNode all = json.readTree(http.get("/api/units", "so-y-te.officer", "Chuyen-Vien-2026!").body());
        assertThat(all.size()).isEqualTo(190);
        JsonNode zones = json.readTree(http.get("/api/units?kind=special-zone", "admin", ADMIN_PASSWORD).body());
        assertThat(zones.size()).isEqualTo(1);
        assertThat(zones.get(0).get("code").asText()).isEqualTo("dac-khu-con-dao");
        assertThat(http.get("/api/units?kind=province", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(400);

        JsonNode unit = json.readTree(http.get("/api/units/so-y-te", "admin", ADMIN_PASSWORD).body());
        assertThat(unit.get("name").asText()).isEqualTo("Sở Y tế");
        assertThat(unit.get("parent").get("code").asText()).isEqualTo("ubnd-tp");
        assertThat(unit.get("head").get("fullName").asText()).isEqualTo("Nguyễn Văn An");
        assertThat(unit.get("members").findValuesAsText("userId"))
                .containsExactlyInAnyOrder("so-y-te.head", "so-y-te.officer");
        assertThat(unit.get("divisions").findValuesAsText("code")).contains("so-y-te.van-phong");

        JsonNode city = json.readTree(http.get("/api/units/ubnd-tp", "admin", ADMIN_PASSWORD).body());
        assertThat(city.get("children").size()).isEqualTo(189);
        assertThat(http.get("/api/units/quan-1", "admin", ADMIN_PASSWORD).statusCode()).isEqualTo(404);

        assertThat(identityService.createUserQuery().userId("so-y-te.officer").memberOfGroup("so-y-te").count())
                .isEqualTo(1);
        assertThat(identityService.createUserQuery().userId("so-y-te.officer")
                .memberOfGroup("so-y-te.van-phong").count()).isEqualTo(1);
        assertThat(identityService.createUserQuery().userId("so-y-te.officer")
                .memberOfGroup(Role.OFFICER.groupId()).count()).isEqualTo(1);
    }
}
