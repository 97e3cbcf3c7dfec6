package vn.dieuhanh.indicator.internal;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.NotFound;

/** Explanation requests (yêu cầu giải trình): leaders, analysts and admins see all, other officials their unit's. */
@RestController
@RequestMapping("/api/explanation-requests")
class ExplanationController {

    private final ExplanationRequests explanations;
    private final IndicatorAccess access;

    ExplanationController(ExplanationRequests explanations, IndicatorAccess access) {
        this.explanations = explanations;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "Explanation requests, newest first; unit=<code>, status=OPEN|ANSWERED|ACCEPTED. Officials "
            + "who are not leaders, analysts or admins see their own unit's only (another unit: 403)")
    List<ExplanationRequests.View> list(@RequestParam(required = false) String unit,
                                        @RequestParam(required = false) String status) {
        IndicatorAccess.Caller caller = access.caller();
        ExplanationStatus s = status == null ? null : IndicatorController.parse(ExplanationStatus.class, "status",
                status);
        String unitFilter = unit;
        if (!caller.privileged()) {
            String own = caller.unitCode().orElseThrow(() -> new Forbidden(
                    "Only officials of a unit, leaders, analysts and administrators see explanation requests"));
            if (unit != null && !unit.equals(own)) {
                throw new Forbidden("Chỉ xem được yêu cầu giải trình của đơn vị mình (you may see only your own "
                        + "unit's explanation requests)");
            }
            unitFilter = own;
        }
        return explanations.list(unitFilter, s);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One explanation request with its rounds (question, explanation, review); 404 if unknown "
            + "or not visible to the caller")
    ExplanationRequests.View get(@PathVariable String id) {
        IndicatorAccess.Caller caller = access.caller();
        return explanations.get(id)
                .filter(v -> caller.privileged() || caller.unitCode().map(v.unitCode()::equals).orElse(false))
                .orElseThrow(() -> new NotFound("Không tìm thấy yêu cầu giải trình " + id));
    }
}
