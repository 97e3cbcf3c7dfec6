package vn.dieuhanh.kpi.internal;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.Roles;

/**
 * Who may read which scores. An official's score is personal; a unit's detail is its own business; the ranking is
 * for those who lead units.
 * <ul>
 *   <li>Citywide readers (every score, ranking and export): administrators, City PC leaders, process analysts and the
 *       officials of the City PC Office, which consolidates the evaluation for the leaders.</li>
 *   <li>Heads and deputies of a unit: the unit ranking (totals of every unit), their unit's score with its rows, and
 *       the scores and ranking of their own unit's officials.</li>
 *   <li>Every official: their own score and their unit's score.</li>
 * </ul>
 */
@Component
class KpiReaders {

    /** The caller as the policy sees them. */
    record Reader(String userId, boolean citywide, Official official) {

        boolean leadsUnit() {
            return official != null && (official.role() == Role.HEAD || official.role() == Role.DEPUTY);
        }

        boolean leads(String unitCode) {
            return leadsUnit() && official.unitCode().equals(unitCode);
        }

        boolean belongsTo(String unitCode) {
            return official != null && official.unitCode().equals(unitCode);
        }
    }

    private final IdentityService identity;
    private final OrganisationDirectory directory;

    KpiReaders(IdentityService identity, OrganisationDirectory directory) {
        this.identity = identity;
        this.directory = directory;
    }

    Reader current() {
        Authentication caller = identity.getCurrentAuthentication();
        if (caller == null) {
            throw new Forbidden("Not authenticated");
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        Official official = directory.official(caller.getUserId()).orElse(null);
        boolean citywide = groups.contains(Roles.ADMIN) || groups.contains(Roles.LEADER)
                || groups.contains(Roles.ANALYST)
                || official != null && (official.role() == Role.LEADER || official.role() == Role.ANALYST
                || official.unitCode().equals(Roles.CITY_OFFICE));
        return new Reader(caller.getUserId(), citywide, official);
    }

    void checkUnitRanking(Reader reader) {
        if (!reader.citywide() && !reader.leadsUnit()) {
            throw new Forbidden("Chỉ lãnh đạo mới xem được bảng xếp hạng đơn vị (the unit ranking is for City PC "
                    + "leaders, the Office and unit heads)");
        }
    }

    void checkUnit(Reader reader, String unitCode) {
        if (!reader.citywide() && !reader.belongsTo(unitCode)) {
            throw new Forbidden("Không có quyền xem điểm của đơn vị khác (only the unit's own officials and City PC "
                    + "leaders see the unit's score)");
        }
    }

    /**
     * The unit whose officials the caller may rank: empty for citywide readers asking for all units, the requested or
     * their own unit for heads and deputies.
     */
    Optional<String> officialRankingScope(Reader reader, String requestedUnit) {
        if (reader.citywide()) {
            return Optional.ofNullable(requestedUnit);
        }
        if (reader.leadsUnit() && (requestedUnit == null || reader.leads(requestedUnit))) {
            return Optional.of(reader.official().unitCode());
        }
        throw new Forbidden("Điểm của cán bộ chỉ lãnh đạo đơn vị được xem (officials' scores are personal: only "
                + "their unit's head and deputies and City PC leaders see them)");
    }

    void checkOfficial(Reader reader, String userId) {
        if (reader.citywide() || reader.userId().equals(userId)) {
            return;
        }
        String unitOfOfficial = directory.official(userId).map(Official::unitCode).orElse(null);
        if (unitOfOfficial == null || !reader.leads(unitOfOfficial)) {
            throw new Forbidden("Không có quyền xem điểm của cán bộ này (officials' scores are personal: only the "
                    + "official, their unit's head and deputies and City PC leaders see them)");
        }
    }
}
