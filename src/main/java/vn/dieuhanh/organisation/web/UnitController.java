package vn.dieuhanh.organisation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitKind;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

@RestController
@RequestMapping("/api/units")
@Tag(name = "Đơn vị", description = "Organisation directory: units, divisions, officials")
class UnitController {

    private final OrganisationDirectory directory;

    UnitController(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @GetMapping
    @Operation(summary = "List active units, optionally of one kind")
    List<UnitSummary> units(@Parameter(description = "city-leadership, office, department, ward, commune, special-zone")
                            @RequestParam Optional<String> kind) {
        Optional<UnitKind> unitKind;
        try {
            unitKind = kind.filter(k -> !k.isBlank()).map(UnitKind::fromCode);
        } catch (IllegalArgumentException e) {
            throw new InputRejected("Loại đơn vị không hợp lệ (" + e.getMessage() + ")");
        }
        return directory.units(unitKind).stream().map(UnitSummary::of).toList();
    }

    @GetMapping("/{code}")
    @Operation(summary = "One unit with its parent, children, divisions, head and members")
    UnitDetail unit(@PathVariable String code) {
        Unit unit = directory.unit(code).orElseThrow(() ->
                new NotFound("Không có đơn vị mã '" + code + "' (no unit with code '" + code + "')"));
        UnitSummary parent = unit.parentCode() == null ? null
                : directory.unit(unit.parentCode()).map(UnitSummary::of).orElse(null);
        return new UnitDetail(unit.code(), unit.name(), unit.kind().code(), unit.kind().label(), parent,
                directory.children(code).stream().map(UnitSummary::of).toList(),
                directory.divisions(code),
                directory.head(code).map(OfficialView::of).orElse(null),
                directory.officials(code).stream().map(OfficialView::of).toList());
    }

    record UnitSummary(String code, String name, String kind, String kindLabel, String parentCode) {
        static UnitSummary of(Unit unit) {
            return new UnitSummary(unit.code(), unit.name(), unit.kind().code(), unit.kind().label(),
                    unit.parentCode());
        }
    }

    record UnitDetail(String code, String name, String kind, String kindLabel, UnitSummary parent,
                      List<UnitSummary> children, List<Division> divisions, OfficialView head,
                      List<OfficialView> members) {
    }

    record OfficialView(String userId, String fullName, String email, String role, String roleLabel,
                        String divisionCode) {
        static OfficialView of(Official official) {
            return new OfficialView(official.userId(), official.fullName(), official.email(),
                    official.role().name().toLowerCase(), official.role().label(), official.divisionCode());
        }
    }
}
