package vn.dieuhanh.indicator.internal.reporting;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportForbidden;
import vn.dieuhanh.platform.Roles;

/**
 * Who may do what with reports: a unit's officials see, draft, submit and correct their unit's reports; its head
 * (role-head in the unit) decides; administrators, analysts and City PC leaders read everything; administrators open
 * campaigns and edit the schedule.
 */
@Component
class ReportingAccess {

    record Caller(String userId, List<String> groups) {

        boolean isAdmin() {
            return groups.contains(Roles.ADMIN);
        }

        boolean readsAll() {
            return isAdmin() || groups.contains(Roles.ANALYST) || groups.contains(Roles.LEADER);
        }

        boolean memberOf(String unitCode) {
            return groups.contains(unitCode);
        }

        boolean headOf(String unitCode) {
            return memberOf(unitCode) && groups.contains(Roles.HEAD);
        }
    }

    private final IdentityService identityService;

    ReportingAccess(IdentityService identityService) {
        this.identityService = identityService;
    }

    Caller caller() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null) {
            throw new ReportForbidden("Cần đăng nhập (authentication required)");
        }
        return new Caller(authentication.getUserId(),
                authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
    }

    Caller requireReader(String unitCode) {
        Caller caller = caller();
        if (!caller.readsAll() && !caller.memberOf(unitCode)) {
            throw new ReportForbidden("Chỉ cán bộ của đơn vị " + unitCode + ", lãnh đạo Thành phố, chuyên viên phân "
                    + "tích và quản trị được xem báo cáo này (not your unit's report)");
        }
        return caller;
    }

    Caller requireMember(String unitCode) {
        Caller caller = caller();
        if (!caller.memberOf(unitCode)) {
            throw new ReportForbidden("Chỉ cán bộ của đơn vị " + unitCode + " được lập, sửa báo cáo này");
        }
        return caller;
    }

    Caller requireHead(String unitCode) {
        Caller caller = caller();
        if (!caller.headOf(unitCode)) {
            throw new ReportForbidden("Chỉ thủ trưởng đơn vị " + unitCode + " được duyệt báo cáo này");
        }
        return caller;
    }

    Caller requireAllReader() {
        Caller caller = caller();
        if (!caller.readsAll()) {
            throw new ReportForbidden("Chỉ lãnh đạo Thành phố, chuyên viên phân tích và quản trị được xem các đợt "
                    + "báo cáo");
        }
        return caller;
    }

    Caller requireAdmin() {
        Caller caller = caller();
        if (!caller.isAdmin()) {
            throw new ReportForbidden("Chỉ quản trị hệ thống được thực hiện việc này (administrators only)");
        }
        return caller;
    }
}
