package vn.dieuhanh.authority.internal;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.Roles;

/**
 * Who holds which office in a ward's People's Committee, from our tables: the chairman (the one recorded by the last
 * chairman change in {@code auth_ward_setting}, else the unit head of the directory), the vice-chairmen (deputy
 * heads), the justice officers and the civil servants. And who the caller is (the engine's current authentication,
 * set by every door from the login).
 */
@Component
class WardOffice {

    record Caller(String userId, List<String> groups, Optional<Official> official) {

        boolean admin() {
            return Roles.isAdministrator(groups);
        }

        boolean cityWide() {
            return admin() || groups.contains(Roles.LEADER) || groups.contains(Roles.DEPARTMENT_OF_JUSTICE)
                    || official.map(o -> Roles.DEPARTMENT_OF_JUSTICE.equals(o.unitCode())
                    || o.role() == Role.LEADER).orElse(false);
        }

        boolean memberOf(String unitCode) {
            return official.map(o -> o.unitCode().equals(unitCode)).orElse(false);
        }
    }

    private final IdentityService identity;
    private final OrganisationDirectory directory;
    private final AuthorityRepository repository;

    WardOffice(IdentityService identity, OrganisationDirectory directory, AuthorityRepository repository) {
        this.identity = identity;
        this.directory = directory;
        this.repository = repository;
    }

    Caller caller() {
        Authentication authentication = identity.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new Forbidden("Chưa đăng nhập (not authenticated)");
        }
        List<String> groups = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
        return new Caller(authentication.getUserId(), groups, directory.official(authentication.getUserId()));
    }

    /** The user of the engine's current authentication, or null (the job executor). */
    String currentUser() {
        Authentication authentication = identity.getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    /** A ward, commune or special zone by code; anything else is a 404 (it has no certification). */
    Unit ward(String unitCode) {
        return directory.unit(unitCode).filter(u -> u.kind().isLocal())
                .orElseThrow(() -> new NotFound("Không tìm thấy phường, xã, đặc khu " + unitCode
                        + " (no such ward or commune)"));
    }

    /** Whether the unit is a ward, commune or special zone (the units whose chairman may delegate certification). */
    boolean isWard(String unitCode) {
        return unitCode != null && directory.unit(unitCode).map(u -> u.kind().isLocal()).orElse(false);
    }

    /** The unit's head in the directory (any unit). */
    Optional<String> head(String unitCode) {
        return directory.head(unitCode).map(Official::userId);
    }

    /** Every ward, commune and special zone, by name. */
    List<Unit> wards() {
        return directory.units(Optional.empty()).stream().filter(u -> u.kind().isLocal())
                .sorted(java.util.Comparator.comparing(Unit::name)).toList();
    }

    Optional<String> chairman(String unitCode) {
        return repository.wardSetting(unitCode).map(AuthorityRepository.WardSetting::chairmanUserId)
                .or(() -> directory.head(unitCode).map(Official::userId));
    }

    boolean isChairman(String unitCode, String userId) {
        return userId != null && chairman(unitCode).map(userId::equals).orElse(false);
    }

    /** The vice-chairmen: the unit's deputy heads, other than the chairman. */
    List<String> viceChairmen(String unitCode) {
        String chairman = chairman(unitCode).orElse(null);
        return directory.officials(unitCode).stream().filter(o -> o.role() == Role.DEPUTY)
                .map(Official::userId).filter(id -> !id.equals(chairman)).toList();
    }

    boolean isViceChairman(String unitCode, String userId) {
        return viceChairmen(unitCode).contains(userId);
    }

    boolean isJusticeOfficer(String unitCode, String userId) {
        return directory.official(userId).map(o -> o.unitCode().equals(unitCode) && o.role() == Role.JUSTICE)
                .orElse(false);
    }

    /** A civil servant of the ward's committee who may receive a delegation (not its leaders). */
    Official civilServant(String unitCode, String userId) {
        Official official = directory.official(userId).filter(o -> o.unitCode().equals(unitCode))
                .orElseThrow(() -> new InputRejected("Người được ủy quyền " + userId + " không phải công chức của "
                        + "UBND " + ward(unitCode).name() + " (the delegate must be a civil servant of the same "
                        + "People's Committee)"));
        if (isChairman(unitCode, userId) || official.role() == Role.HEAD || official.role() == Role.DEPUTY
                || official.role() == Role.LEADER || official.role() == Role.ANALYST) {
            throw new InputRejected("Chỉ ủy quyền cho công chức, không ủy quyền cho Chủ tịch, Phó Chủ tịch: "
                    + userId + " (only civil servants, not the chairman or vice-chairmen, can be delegates)");
        }
        return official;
    }

    /** The ward's civil servants who may receive a delegation (the same rule as {@link #civilServant}), by name. */
    List<Official> civilServants(String unitCode) {
        String chairman = chairman(unitCode).orElse(null);
        return directory.officials(unitCode).stream()
                .filter(o -> !o.userId().equals(chairman))
                .filter(o -> o.role() != Role.HEAD && o.role() != Role.DEPUTY && o.role() != Role.LEADER
                        && o.role() != Role.ANALYST)
                .sorted(java.util.Comparator.comparing(Official::fullName).thenComparing(Official::userId))
                .toList();
    }

    String fullName(String userId) {
        return directory.official(userId).map(Official::fullName).orElse(userId);
    }

    boolean contractsMovedToNotary(String unitCode) {
        // until the ward's flag is recorded, assume the conservative case: contracts are with notaries
        return repository.wardSetting(unitCode).map(AuthorityRepository.WardSetting::contractsMovedToNotary)
                .orElse(true);
    }

    /** The new chairman must be an official of the ward (any role: a vice-chairman or an outsider moved in). */
    Official civilServantOrLeader(String unitCode, String userId) {
        return directory.official(userId).filter(o -> o.unitCode().equals(unitCode))
                .orElseThrow(() -> new InputRejected("Chủ tịch mới " + userId + " không thuộc UBND " + ward(unitCode)
                        .name() + " trong danh bạ (the new chairman must be an official of the ward)"));
    }
}
