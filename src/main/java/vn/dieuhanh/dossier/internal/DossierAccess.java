package vn.dieuhanh.dossier.internal;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.Roles;

/**
 * Who may do what with dossiers, from the login's groups (units are groups): a reception point's officials are the
 * officials of its host unit, and the City PC Office's (the centre belongs to it) at every point; the competent unit's
 * officials handle; City PC leaders, analysts and administrators read everything.
 */
@Component
class DossierAccess {

    record Caller(String userId, List<String> groups) {

        boolean isAdmin() {
            return groups.contains(Roles.ADMIN);
        }

        boolean readsAll() {
            return isAdmin() || groups.contains(Roles.ANALYST) || groups.contains(Roles.LEADER)
                    || groups.contains(Roles.CITY_OFFICE);
        }

        boolean memberOf(String unitCode) {
            return unitCode != null && groups.contains(unitCode);
        }

        boolean receivesAt(ReceptionPoint point) {
            return isAdmin() || memberOf(point.hostUnit()) || memberOf(Roles.CITY_OFFICE);
        }
    }

    private final IdentityService identityService;

    DossierAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    Caller caller() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getUserId() == null) {
            throw new Forbidden("Cần đăng nhập (authentication required)");
        }
        return new Caller(authentication.getUserId(),
                authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
    }

    Caller requireReceiver(ReceptionPoint point) {
        Caller caller = caller();
        if (!caller.receivesAt(point)) {
            throw new Forbidden("Chỉ cán bộ của " + point.name() + " được tiếp nhận hồ sơ tại đây (not your "
                    + "reception point)");
        }
        return caller;
    }

    Caller requireReader(DossierRecord dossier, ReceptionPoint point) {
        Caller caller = caller();
        if (!caller.readsAll() && !caller.memberOf(dossier.unitCode())
                && !(point != null && caller.memberOf(point.hostUnit()))) {
            throw new Forbidden("Hồ sơ không thuộc đơn vị hoặc điểm tiếp nhận của bạn (not your unit's dossier)");
        }
        return caller;
    }

    Caller requireHandler(DossierRecord dossier) {
        Caller caller = caller();
        if (!caller.memberOf(dossier.unitCode())) {
            throw new Forbidden("Chỉ cán bộ của đơn vị có thẩm quyền được xử lý hồ sơ này (not your unit's dossier)");
        }
        return caller;
    }

    Caller requireReceptionOfficial(DossierRecord dossier, ReceptionPoint point) {
        Caller caller = caller();
        if (!caller.receivesAt(point)) {
            throw new Forbidden("Chỉ cán bộ của điểm tiếp nhận hồ sơ này được thực hiện việc này (not your reception "
                    + "point)");
        }
        return caller;
    }

    Caller requireAllReader() {
        Caller caller = caller();
        if (!caller.readsAll()) {
            throw new Forbidden("Chỉ lãnh đạo Thành phố, Văn phòng UBND Thành phố, chuyên viên phân tích và quản trị "
                    + "được xem số liệu này (leaders, the City PC Office, analysts and administrators only)");
        }
        return caller;
    }
}
