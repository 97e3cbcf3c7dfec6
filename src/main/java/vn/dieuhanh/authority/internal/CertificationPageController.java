package vn.dieuhanh.authority.internal;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dieuhanh.authority.CertificationRequestProcess;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.WebPage;

/**
 * The web app's page for certification ({@code /chung-thuc}): the signed-in official's ward's open certification
 * requests (sign or refuse) and delegation decisions (the chairman signs a draft). Same services, rules and messages
 * as {@code /api/authority}; identity from the session login.
 */
@Controller
@WebPage
class CertificationPageController {

    private final DelegationService delegations;
    private final CertificationService certifications;
    private final WardOffice office;
    private final CertificationTasks tasks;
    private final OversightService oversight;

    CertificationPageController(DelegationService delegations, CertificationService certifications,
                                WardOffice office, CertificationTasks tasks, OversightService oversight) {
        this.oversight = oversight;
        this.delegations = delegations;
        this.certifications = certifications;
        this.office = office;
        this.tasks = tasks;
    }

    /** A request as the page shows it: texts prepared here, not in the template. */
    record Row(CertificationService.View request, String deadlineText, String signedText) {
    }

    private static Row row(CertificationService.View r) {
        String deadline = java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy")
                .format(r.deadline().atZoneSameInstant(vn.dieuhanh.calendar.WorkingCalendar.ZONE));
        String signed = r.signatureBlock() != null ? r.signatureBlock().replace('\n', ' ') : r.signerName();
        return new Row(r, deadline, signed);
    }

    @GetMapping("/chung-thuc")
    String page(CurrentOfficial me, Model model) {
        model.addAttribute("nav", "chung-thuc");
        boolean local = me.unit() != null && me.unit().kind().isLocal();
        model.addAttribute("local", local);
        model.addAttribute("cityWide", office.caller().cityWide());
        if (!local) {
            return "authority/certification";
        }
        List<Row> open = certifications.list(me.unitCode()).stream()
                .filter(r -> CertificationService.OPEN.equals(r.status())).map(CertificationPageController::row).toList();
        List<Row> decided = certifications.list(me.unitCode()).stream()
                .filter(r -> !CertificationService.OPEN.equals(r.status())).limit(20)
                .map(CertificationPageController::row).toList();
        model.addAttribute("open", open);
        model.addAttribute("decided", decided);
        model.addAttribute("delegations", delegations.list(me.unitCode()));
        boolean chairman = office.isChairman(me.unitCode(), me.userId());
        model.addAttribute("chairman", chairman);
        model.addAttribute("viceChairman", office.isViceChairman(me.unitCode(), me.userId()));
        model.addAttribute("justice", office.isJusticeOfficer(me.unitCode(), me.userId()));
        model.addAttribute("mine", delegations.inForceFor(me.unitCode(), me.userId()));
        if (chairman) { // what was signed on his behalf this month (the same list as /api/.../signed-on-behalf)
            java.time.YearMonth month = java.time.YearMonth.now(delegations.clockZone());
            model.addAttribute("onBehalf", oversight.signedOnBehalf(me.unitCode(), month.atDay(1),
                    month.atEndOfMonth()));
        }
        model.addAttribute("taskNames", tasks.all().stream().collect(java.util.stream.Collectors.toMap(
                CertificationTask::code, CertificationTask::name)));
        return "authority/certification";
    }

    @PostMapping("/chung-thuc/yeu-cau/{id}")
    String decideRequest(@PathVariable String id, @RequestParam(required = false) String decision,
                         @RequestParam(required = false) String refusalReason, RedirectAttributes redirect) {
        String d = CertificationRequestProcess.DECISION_REFUSE.equals(decision)
                ? CertificationRequestProcess.DECISION_REFUSE : CertificationRequestProcess.DECISION_SIGN;
        return outcome(redirect, () -> {
            CertificationService.View done = certifications.decide(id, d, refusalReason);
            return CertificationService.SIGNED.equals(done.status())
                    ? "Đã ký chứng thực, số " + done.registerNumber() + "/" + done.registerYear() + " sổ "
                    + done.registerBook()
                    : "Đã từ chối chứng thực";
        });
    }

    @PostMapping("/chung-thuc/uy-quyen/{id}")
    String decideDelegation(@PathVariable String id, @RequestParam(required = false) String approved,
                            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return outcome(redirect, () -> {
            DelegationService.View done = delegations.decide(id, "true".equals(approved), note);
            return "Quyết định số " + done.decisionNumber() + ": " + done.statusLabel();
        });
    }

    private static String outcome(RedirectAttributes redirect, java.util.function.Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (InputRejected | Forbidden | Conflict | NotFound e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/chung-thuc";
    }
}
