package vn.dieuhanh.assignment.internal;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitSearch;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.WebPage;
import vn.dieuhanh.platform.web.UserErrors;

/**
 * {@code /giao-viec}: instant assignment in a few taps (issue 16). The unit is found by a search that ignores
 * diacritics and shows look-alikes ({@link UnitSearch}); the form starts {@code instant-assignment} exactly as
 * {@code POST /api/assignments} does (the same request record and its validation, the same start,
 * {@link AssignerPolicy} in the process), as the signed-in official. A head is offered his own unit only.
 */
@Controller
@WebPage
class AssignPages {

    static final List<Integer> QUICK_DEADLINES = List.of(3, 5, 10, 15, 30);

    private final RuntimeService runtimeService;
    private final AssignerPolicy assigners;
    private final OrganisationDirectory directory;
    private final IdentityService identityService;
    private final Validator validator;

    AssignPages(RuntimeService runtimeService, AssignerPolicy assigners, OrganisationDirectory directory,
                IdentityService identityService, Validator validator) {
        this.runtimeService = runtimeService;
        this.assigners = assigners;
        this.directory = directory;
        this.identityService = identityService;
        this.validator = validator;
    }

    @GetMapping("/giao-viec")
    String form(Model model) {
        List<Unit> units = assignable();
        Unit own = units.size() == 1 ? units.get(0) : null;
        model.addAttribute("nav", "giao-viec");
        model.addAttribute("ownUnit", own);
        Unit chosen = (Unit) model.getAttribute("chosen");
        Unit picked = own != null ? own : chosen;
        if (picked != null) {
            model.addAttribute("officials", officials(picked.code()));
        }
        model.addAttribute("deadlines", QUICK_DEADLINES);
        model.addAttribute("urgencies", Urgency.values());
        return "assignment/assign";
    }

    @GetMapping("/giao-viec/don-vi")
    String units(@RequestParam(name = "q", defaultValue = "") String query, Model model) {
        String q = query.length() > 100 ? query.substring(0, 100) : query;
        model.addAttribute("matches", UnitSearch.search(assignable(), q, 12));
        model.addAttribute("q", q);
        return "assignment/assign :: units";
    }

    /**
     * The officials picker of the chosen unit (htmx, when a unit is picked): the same rule and list as the Tasklist
     * form's {@code /tasklist-forms/assignable-officials} ({@link AssignerPolicy}: only a unit the caller may assign
     * to, 403 otherwise). The choice is optional; the service checks it again when the assignment is created.
     */
    @GetMapping("/giao-viec/can-bo")
    String officialsOf(@RequestParam(name = "unitCode", required = false) String unitCode, Model model) {
        String code = blank(unitCode);
        if (code == null || code.length() > 100 || directory.unit(code).isEmpty()) {
            throw new NotFound("Không có đơn vị '" + (code == null ? "" : code) + "' (no such unit)");
        }
        model.addAttribute("officials", officials(code));
        return "assignment/assign :: officials";
    }

    /** The officials of a unit the signed-in official may assign to (403 otherwise), by name. */
    private List<Official> officials(String unitCode) {
        Authentication a = identityService.getCurrentAuthentication();
        if (a == null || a.getUserId() == null) {
            throw new Forbidden("Chưa đăng nhập (not authenticated)");
        }
        try {
            assigners.requireMayAssign(a.getUserId(), a.getGroupIds() == null ? List.of() : a.getGroupIds(), unitCode);
        } catch (AuthorizationException refused) {
            throw new Forbidden(refused.getMessage());
        }
        return directory.officials(unitCode).stream()
                .sorted(java.util.Comparator.comparing((Official o) -> o.role() == null ? 99 : o.role().ordinal())
                        .thenComparing(o -> o.fullName() == null ? o.userId() : o.fullName()))
                .toList();
    }

    @PostMapping("/giao-viec")
    String assign(@RequestParam(name = "unitCode", required = false) String unitCode,
                  @RequestParam(name = "assignee", required = false) String assignee,
                  @RequestParam(name = "title", required = false) String title,
                  @RequestParam(name = "description", required = false) String description,
                  @RequestParam(name = "urgency", required = false) String urgency,
                  @RequestParam(name = "deadlineWorkingDays", required = false) Integer deadlineWorkingDays,
                  Model model, HttpServletResponse response) {
        AssignmentController.InstantAssignmentRequest request = new AssignmentController.InstantAssignmentRequest(
                blank(unitCode), blank(assignee), blank(title), blank(description), blank(urgency), deadlineWorkingDays, null);
        try {
            Set<ConstraintViolation<AssignmentController.InstantAssignmentRequest>> violations =
                    validator.validate(request);
            if (!violations.isEmpty()) {
                ConstraintViolation<?> v = violations.iterator().next();
                throw new InputRejected("Nội dung không hợp lệ ở ô " + v.getPropertyPath() + ": " + v.getMessage()
                        + " (invalid " + v.getPropertyPath() + ")");
            }
            if (request.unitCode() == null) {
                throw new InputRejected("Chọn đơn vị thực hiện (choose the unit that carries out the task)");
            }
            AssignmentController.Created created = AssignmentController.start(runtimeService, request);
            return "redirect:/viec/" + created.assignmentId();
        } catch (AuthorizationException refused) {
            response.setStatus(403);
            model.addAttribute("error", refused.getMessage());
        } catch (RuntimeException failure) {
            // a refusal of the start or of the process's first step (the engine may wrap it): on the form, with the
            // same status and message as /api; anything else goes to the shared error page
            UserErrors.Classified refusal = UserErrors.classify(failure);
            if (refusal.status() >= 500) {
                throw failure;
            }
            response.setStatus(refusal.status());
            model.addAttribute("error", refusal.detail());
        }
        model.addAttribute("form", request);
        model.addAttribute("chosen", request.unitCode() == null ? null : directory.unit(request.unitCode()).orElse(null));
        return form(model);
    }

    /** The units the signed-in official may assign to (403 if none). */
    private List<Unit> assignable() {
        Authentication a = identityService.getCurrentAuthentication();
        if (a == null || a.getUserId() == null) {
            throw new Forbidden("Chưa đăng nhập (not authenticated)");
        }
        Optional<String> only;
        try {
            only = assigners.onlyUnit(a.getUserId(), a.getGroupIds() == null ? List.of() : a.getGroupIds());
        } catch (AuthorizationException refused) {
            throw new Forbidden(refused.getMessage());
        }
        return only.map(code -> directory.unit(code).map(List::of).orElse(List.of()))
                .orElseGet(() -> directory.units(Optional.empty()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
