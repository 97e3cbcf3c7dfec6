package vn.dieuhanh.dossier.internal;

import static vn.dieuhanh.dossier.internal.DossierHandlingProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.WebPage;

/**
 * The web app's dossier pages ({@code /ho-so}): reception at a point (procedure picker, checklist, citizen, the
 * appointment computed in working time shown before confirming), the point's queue (papers to take in, results to
 * return), the competent unit's queue, and one dossier with the step the signed-in official may take. Same services,
 * rules and messages as {@code /api/dossiers} ({@link DossierService}, {@link DossierActions}); identity from the
 * session login; a refusal of the rules (403) is not caught here, so another point's or ward's official gets the error
 * page.
 */
@Controller
@WebPage
class DossierPages {

    private final DossierService dossiers;
    private final DossierActions actions;
    private final DossierAccess access;
    private final DossierReferenceData data;
    private final OrganisationDirectory directory;
    private final TaskService taskService;
    private final DossierOversight oversight;
    private final java.time.Clock clock;

    DossierPages(DossierService dossiers, DossierActions actions, DossierAccess access, DossierReferenceData data,
                 OrganisationDirectory directory, TaskService taskService, DossierOversight oversight,
                 java.time.Clock clock) {
        this.oversight = oversight;
        this.clock = clock;
        this.dossiers = dossiers;
        this.actions = actions;
        this.access = access;
        this.data = data;
        this.directory = directory;
        this.taskService = taskService;
    }

    /** A queue's line, texts prepared here. */
    record Row(String code, String procedure, String where, String status, String appointment, boolean late,
               String applicant) {
    }

    @GetMapping("/ho-so")
    String home(Model model) {
        List<ReceptionPoint> points = dossiers.myPoints();
        List<String> units = dossiers.myUnits();
        model.addAttribute("points", points);
        model.addAttribute("pointQueue", rows(dossiers.pointQueue(points), false));
        model.addAttribute("unitQueue", rows(dossiers.unitQueue(units), true));
        return "dossier/home";
    }

    @GetMapping("/ho-so/tiep-nhan")
    String receptionForm(@RequestParam(name = "diem", required = false) String point,
                         @RequestParam(name = "thu-tuc", required = false) String procedure, Model model) {
        List<ReceptionPoint> points = dossiers.myPoints();
        if (points.isEmpty()) {
            throw new vn.dieuhanh.platform.Forbidden("Bạn không thuộc điểm tiếp nhận hồ sơ nào (you receive at no "
                    + "reception point)");
        }
        model.addAttribute("points", points);
        model.addAttribute("point", point == null ? points.get(0).code() : point);
        model.addAttribute("procedures", data.procedures().stream().filter(Procedure::anywhere).toList());
        procedureModel(procedure, model);
        return "dossier/reception";
    }

    /** htmx: the chosen procedure's checklist, competent unit and the appointment if received now. */
    @GetMapping("/ho-so/tiep-nhan/thu-tuc")
    String procedurePart(@RequestParam(name = "thu-tuc", required = false) String procedure, Model model) {
        access.caller();
        procedureModel(procedure, model);
        return "dossier/reception :: procedure";
    }

    private void procedureModel(String code, Model model) {
        Procedure procedure = code == null || code.isBlank() ? null : data.procedure(code).orElse(null);
        model.addAttribute("procedure", procedure);
        if (procedure != null) {
            model.addAttribute("appointmentText", DossierService.text(dossiers.appointmentIfReceivedNow(procedure)));
            model.addAttribute("local", procedure.local());
            model.addAttribute("fixedUnitName", procedure.local() ? null : dossiers.unitName(procedure.fixedUnit()));
            if (procedure.local()) {
                model.addAttribute("wards", directory.units(java.util.Optional.empty()).stream()
                        .filter(u -> u.kind().isLocal()).toList());
            }
        }
    }

    @PostMapping("/ho-so/tiep-nhan")
    String receive(@RequestParam(name = "diem") String point, @RequestParam(name = "thu-tuc") String procedure,
                   @RequestParam(name = "don-vi", required = false) String unit,
                   jakarta.servlet.http.HttpServletRequest request,
                   @RequestParam(name = "ho-ten", required = false) String name,
                   @RequestParam(name = "lien-he", required = false) String contact,
                   @RequestParam(name = "qua-buu-chinh", required = false) String byPost, Model model) {
        // the checklist's names contain commas: read the raw values (a bound List would split a single one)
        String[] values = request.getParameterValues("giay-to");
        List<String> papers = values == null ? List.of() : List.of(values);
        if (papers != null && papers.size() > 30) {
            throw new InputRejected("Quá nhiều giấy tờ (too many papers)");
        }
        try {
            DossierService.ReceptionResult result = dossiers.receive(new DossierService.Reception(point, procedure,
                    unit == null || unit.isBlank() ? null : unit, papers == null ? List.of() : papers,
                    InputLimits.text(name, "ho-ten", 300, false), InputLimits.text(contact, "lien-he", 300, false),
                    "true".equals(byPost)));
            if (result.received()) {
                model.addAttribute("receipt", result.receipt());
                model.addAttribute("receivedText", DossierService.text(result.receipt().receivedAt()));
                return "dossier/receipt";
            }
            model.addAttribute("missing", result.missingPapers());
        } catch (InputRejected | Conflict e) {
            model.addAttribute("error", e.getMessage());
        }
        receptionForm(point, procedure, model);
        model.addAttribute("presented", papers == null ? Set.of() : Set.copyOf(papers));
        model.addAttribute("name", name);
        model.addAttribute("contact", contact);
        model.addAttribute("unit", unit);
        return "dossier/reception";
    }

    @GetMapping("/ho-so/tim")
    String find(@RequestParam(name = "ma", required = false) String code, RedirectAttributes redirect) {
        String clean = code == null ? "" : code.trim().toUpperCase();
        if (!clean.matches("[A-Z0-9-]{1,40}")) {
            throw new InputRejected("Mã hồ sơ không hợp lệ (invalid dossier code)");
        }
        redirect.addAttribute("code", clean);
        return "redirect:/ho-so/{code}";
    }

    /** What the signed-in official may do now: one of the process's open steps. */
    record Step(String key, String name) {
    }

    @GetMapping("/ho-so/{code}")
    String dossier(@PathVariable String code, Model model) {
        DossierRecord d = dossiers.byCode(code);
        ReceptionPoint point = dossiers.point(d);
        DossierAccess.Caller caller = access.requireReader(d, point);
        model.addAttribute("d", d);
        model.addAttribute("procedure", dossiers.procedure(d));
        model.addAttribute("pointName", point.name());
        model.addAttribute("unitName", dossiers.unitName(d.unitCode()));
        model.addAttribute("receivedText", DossierService.text(d.receivedAt()));
        model.addAttribute("appointmentText", DossierService.text(d.appointmentAt()));
        model.addAttribute("events", dossiers.events(d).stream().map(e -> new Event(e.kind(), e.status().label(),
                DossierService.text(e.at()), e.actor(), e.note())).toList());
        model.addAttribute("proposal", dossiers.proposalText(d));
        List<Step> steps = new ArrayList<>();
        if (d.processInstanceId() != null) {
            for (Task task : taskService.createTaskQuery().processInstanceId(d.processInstanceId()).list()) {
                String key = task.getTaskDefinitionKey();
                boolean mine = switch (key) {
                    case TASK_RECEIVE_SUPPLEMENT, TASK_RETURN_RESULT -> caller.receivesAt(point);
                    case TASK_SIGN -> caller.userId().equals(task.getAssignee());
                    default -> caller.memberOf(d.unitCode());
                };
                if (mine) {
                    steps.add(new Step(key, task.getName()));
                }
            }
        }
        model.addAttribute("steps", steps.stream().map(Step::key).collect(Collectors.toSet()));
        return "dossier/detail";
    }

    record Event(String kind, String status, String at, String actor, String note) {
    }

    @PostMapping("/ho-so/{code}/xu-ly")
    String process(@PathVariable String code, @RequestParam(name = "de-xuat", required = false) String decision,
                   @RequestParam(name = "ghi-chu", required = false) String note, RedirectAttributes redirect) {
        return act(code, redirect, () -> {
            actions.process(code, decision, text(note));
            return "Đã gửi đề xuất xử lý hồ sơ";
        });
    }

    @PostMapping("/ho-so/{code}/phe-duyet")
    String approve(@PathVariable String code, @RequestParam(name = "y-kien", required = false) String decision,
                   @RequestParam(name = "ghi-chu", required = false) String note, RedirectAttributes redirect) {
        return act(code, redirect, () -> {
            actions.approve(code, decision, text(note));
            return "approve".equals(decision) ? "Đã phê duyệt, chuyển ký" : "Đã trả lại để xử lý lại";
        });
    }

    @PostMapping("/ho-so/{code}/ky")
    String sign(@PathVariable String code, RedirectAttributes redirect) {
        return act(code, redirect, () -> {
            actions.sign(code);
            return "Đã ký, kết quả chuyển về điểm tiếp nhận";
        });
    }

    @PostMapping("/ho-so/{code}/xin-loi")
    String apologise(@PathVariable String code, @RequestParam(name = "ly-do", required = false) String reason,
                     @RequestParam(name = "so-ngay", required = false) Integer days, RedirectAttributes redirect) {
        return act(code, redirect, () -> {
            actions.apologise(code, text(reason), days);
            return "Đã lập phiếu xin lỗi và hẹn lại";
        });
    }

    @PostMapping("/ho-so/{code}/bo-sung")
    String supplement(@PathVariable String code, @RequestParam(name = "ghi-chu", required = false) String note,
                      RedirectAttributes redirect) {
        return act(code, redirect, () -> {
            actions.receiveSupplement(code, text(note));
            return "Đã tiếp nhận hồ sơ bổ sung, tính lại ngày hẹn trả";
        });
    }

    @PostMapping("/ho-so/{code}/tra-ket-qua")
    String returnResult(@PathVariable String code, @RequestParam(name = "qua-buu-chinh", required = false)
                        String byPost, RedirectAttributes redirect) {
        return act(code, redirect, () -> {
            actions.returnResult(code, "true".equals(byPost));
            return "Đã trả kết quả";
        });
    }

    /**
     * The leaders' dashboard's section (loaded by {@code /dieu-hanh} with htmx): this month's dossiers by competent
     * unit, received / on time / late / timeliness, and the Excel link. City leaders, the City PC Office, analysts and
     * administrators see every unit; a unit's head sees his unit's line; others get nothing.
     */
    @GetMapping("/dieu-hanh/ho-so")
    String dashboardSection(Model model) {
        DossierAccess.Caller caller = access.caller();
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(vn.dieuhanh.calendar.WorkingCalendar.ZONE));
        java.time.LocalDate from = today.withDayOfMonth(1);
        List<DossierOversight.Line> lines = oversight.lines(DossierOversight.GroupBy.UNIT, from, today).stream()
                .filter(l -> caller.readsAll() || caller.memberOf(l.key()))
                .sorted(java.util.Comparator.comparingLong(DossierOversight.Line::late).reversed()
                        .thenComparing(java.util.Comparator.comparingLong(DossierOversight.Line::received).reversed()))
                .toList();
        long received = lines.stream().mapToLong(DossierOversight.Line::received).sum();
        long onTime = lines.stream().mapToLong(DossierOversight.Line::onTime).sum();
        long late = lines.stream().mapToLong(DossierOversight.Line::late).sum();
        model.addAttribute("lines", lines.size() > 15 ? lines.subList(0, 15) : lines);
        model.addAttribute("more", Math.max(0, lines.size() - 15));
        model.addAttribute("received", received);
        model.addAttribute("onTime", onTime);
        model.addAttribute("late", late);
        model.addAttribute("timeliness", DossierOversight.timeliness(onTime, late));
        model.addAttribute("period", "Từ " + from.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + " đến " + today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        model.addAttribute("excel", caller.readsAll() ? "/ho-so/thong-ke.xlsx?tu=" + from + "&den=" + today : null);
        model.addAttribute("shown", caller.readsAll() || !lines.isEmpty());
        return "dossier/dashboard-section :: section";
    }

    /** The oversight workbook for the session login (the same as {@code /api/dossier-oversight.xlsx}). */
    @GetMapping("/ho-so/thong-ke.xlsx")
    org.springframework.http.ResponseEntity<byte[]> oversightExcel(
            @RequestParam(name = "tu") @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate from,
            @RequestParam(name = "den") @org.springframework.format.annotation.DateTimeFormat(
                    iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate to) {
        access.requireAllReader();
        return org.springframework.http.ResponseEntity.ok().contentType(DossierController.XLSX)
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        org.springframework.http.ContentDisposition.attachment()
                                .filename("ho-so-tthc-" + from + "-" + to + ".xlsx").build().toString())
                .body(oversight.workbook(from, to));
    }

    /** Input errors and a step already taken come back on the dossier's page; 403/404 go to the error page. */
    private static String act(String code, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("notice", action.get());
        } catch (InputRejected | Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("code", code);
        return "redirect:/ho-so/{code}";
    }

    private static String text(String note) {
        return InputLimits.text(note, "ghi-chu", InputLimits.REASON, true);
    }

    private List<Row> rows(List<DossierRepository.QueueItem> items, boolean byUnit) {
        return items.stream().map(i -> new Row(i.code(), data.procedure(i.procedureCode()).map(Procedure::name)
                        .orElse(i.procedureCode()),
                byUnit ? data.point(i.receptionPoint()).map(ReceptionPoint::name).orElse(i.receptionPoint())
                        : directory.unit(i.unitCode()).map(Unit::name).orElse(i.unitCode()),
                i.status().label(), DossierService.text(i.appointmentAt()), i.late(), i.applicantName())).toList();
    }
}
