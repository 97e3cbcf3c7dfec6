package vn.dieuhanh.assignment.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.NotFound;

/**
 * Suggestions for "Giao trực tiếp cho cán bộ" in Tasklist's instant-assignment start form (a start form cannot load
 * options from the server; the Tasklist custom script {@code dieuhanh-forms.js} asks here as the user types).
 * Answers with the Tasklist login (the Camunda webapp session, whose cookie has path {@code /}): not under
 * {@code /camunda/}, where Camunda's filters take every path for one of their apps, nor under {@code /api/}
 * (HTTP Basic only). Only officials of a unit the caller may assign work to ({@link AssignerPolicy}: 403
 * otherwise), at most 20. The field stays free text; the server checks the official again when the assignment is
 * created.
 */
@RestController
class AssignableOfficialsController {

    static final String PATH = "/tasklist-forms/assignable-officials";
    static final int LIMIT = 20;

    private final OrganisationDirectory directory;
    private final AssignerPolicy assigners;

    AssignableOfficialsController(OrganisationDirectory directory, AssignerPolicy assigners) {
        this.directory = directory;
        this.assigners = assigners;
    }

    record Suggestion(String userId, String name) {
    }

    /** {@code unit}: the unit's code or its name as the form's picker shows it; {@code q}: part of a name or login. */
    @GetMapping(PATH)
    List<Suggestion> suggestions(HttpServletRequest request, @RequestParam String unit,
                                 @RequestParam(required = false) String q) {
        UserAuthentication login = tasklistLogin(request.getSession(false))
                .orElseThrow(() -> new Forbidden("Cần đăng nhập Tasklist (log in to Tasklist first)"));
        Unit target = directory.unit(unit).or(() -> directory.units(Optional.empty()).stream()
                        .filter(u -> u.name().equalsIgnoreCase(unit.trim())).findFirst())
                .orElseThrow(() -> new NotFound("Không có đơn vị '" + unit + "' (no such unit)"));
        assigners.requireMayAssign(login.getName(), login.getGroupIds() == null ? List.of() : login.getGroupIds(),
                target.code());
        String needle = q == null ? "" : q.trim().toLowerCase(Locale.ROOT);
        return directory.officials(target.code()).stream()
                .filter(o -> needle.isEmpty() || o.userId().toLowerCase(Locale.ROOT).contains(needle)
                        || (o.fullName() != null && o.fullName().toLowerCase(Locale.ROOT).contains(needle)))
                .limit(LIMIT).map(o -> new Suggestion(o.userId(), o.fullName())).toList();
    }

    private static Optional<UserAuthentication> tasklistLogin(HttpSession session) {
        if (session == null) {
            return Optional.empty();
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        return authentications == null ? Optional.empty()
                : Optional.ofNullable(authentications.getAuthenticationForProcessEngine("default"))
                .filter(UserAuthentication.class::isInstance).map(UserAuthentication.class::cast);
    }
}
