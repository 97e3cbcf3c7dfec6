package vn.dieuhanh.accounts.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.accounts.internal.ImportPlan.Change;
import vn.dieuhanh.accounts.internal.ImportPlan.Kind;
import vn.dieuhanh.accounts.internal.ImportRepository.ImportRecord;
import vn.dieuhanh.accounts.internal.ImportRepository.StoredChange;
import vn.dieuhanh.assignment.OpenWorkHandover;
import vn.dieuhanh.assignment.OpenWorkHandover.HeldAssignment;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.Notifications;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

/**
 * The staff-list import: {@link #preview} reads the file, validates every row, compares with the directory and stores
 * rows and changes under a new id; {@link #apply} applies exactly that preview (same file hash, and the directory must
 * still give the same changes), in one transaction: accounts and groups, hand-over of movers' and leavers' open work,
 * deactivation of leavers, the audit. A file with a refused row applies nothing.
 */
@Service
class OfficialImport {

    static final int SHOWN_CHANGES = 5000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ImportRepository repository;
    private final OfficialAccounts accounts;
    private final OrganisationDirectory directory;
    private final OpenWorkHandover handover;
    private final TaskService taskService;
    private final Notifications notifications;
    private final Clock clock;

    OfficialImport(ImportRepository repository, OfficialAccounts accounts, OrganisationDirectory directory,
                   OpenWorkHandover handover, TaskService taskService, Notifications notifications, Clock clock) {
        this.repository = repository;
        this.accounts = accounts;
        this.directory = directory;
        this.handover = handover;
        this.taskService = taskService;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A change as the preview shows it, with the open work of movers and leavers counted now. */
    record ChangeView(int seq, Kind kind, String kindLabel, String userId, String before, String after,
                      String proposedHolder, String handedTo, Integer handedItems, int openAssignments,
                      long openTasks) {
    }

    record RefusedRow(int row, String error) {
    }

    record ImportView(ImportRecord record, List<RefusedRow> refusedRows, List<ChangeView> changes) {

        public boolean applicable() {
            return "PREVIEWED".equals(record.status());
        }
    }

    @Transactional
    ImportView preview(String fileName, byte[] bytes, String actor) {
        StaffListFile.Read file = StaffListFile.read(fileName, bytes);
        ImportPlanner.DirectoryState state = repository.directoryState();
        ImportPlan plan = ImportPlanner.plan(file.rows(), state);
        Map<String, String> proposals = new HashMap<>();
        for (Change change : plan.changes()) {
            if (change.handsOver()) {
                futureHead(change.before().unitCode(), plan, state)
                        .ifPresent(head -> proposals.put(change.userId(), head));
            }
        }
        String id = UUID.randomUUID().toString();
        int refused = plan.refused().size();
        repository.insertImport(new ImportRecord(id, file.fileName(), file.sha256(),
                refused == 0 ? "PREVIEWED" : "REFUSED", file.rows().size(), refused, (int) plan.count(Kind.NEW),
                (int) plan.count(Kind.MOVED), (int) plan.count(Kind.CHANGED), (int) plan.count(Kind.LEAVING),
                plan.unchanged(), actor, OffsetDateTime.now(clock), null, null));
        repository.insertRows(id, plan.rows());
        repository.insertChanges(id, plan.changes(), proposals);
        return view(id);
    }

    ImportView view(String id) {
        ImportRecord record = repository.find(id).orElseThrow(() -> new NotFound(
                "Không có lần nhập danh sách cán bộ '" + id + "' (no such import)"));
        List<RefusedRow> refused = repository.refusedRows(id, 1000).stream()
                .map(e -> new RefusedRow(e.getKey(), e.getValue())).toList();
        boolean open = "PREVIEWED".equals(record.status());
        List<ChangeView> changes = repository.changes(id, SHOWN_CHANGES).stream().map(c -> {
            Kind kind = Kind.valueOf(c.kind());
            boolean counts = open && (kind == Kind.MOVED || kind == Kind.LEAVING);
            return new ChangeView(c.seq(), kind, kind.label(), c.userId(), c.before(), c.after(), c.proposedHolder(),
                    c.handedTo(), c.handedItems(), counts ? handover.openWorkOf(c.userId()).size() : 0,
                    counts ? taskService.createTaskQuery().taskAssignee(c.userId()).count() : 0);
        }).toList();
        return new ImportView(record, refused, changes);
    }

    List<ImportRecord> recent() {
        return repository.recent(20);
    }

    /**
     * Applies the preview {@code id} if {@code fileHash} is its file's and the directory still gives the same changes.
     * {@code holders} names, for a mover or leaver, who receives their open work instead of their former unit's head.
     */
    @Transactional
    ImportView apply(String id, String fileHash, Map<String, String> holders, String actor) {
        ImportRecord record = repository.find(id).orElseThrow(() -> new NotFound(
                "Không có lần nhập danh sách cán bộ '" + id + "' (no such import)"));
        if (fileHash == null || !fileHash.equalsIgnoreCase(record.fileHash())) {
            throw new InputRejected("Mã tệp (fileHash) không khớp với bản xem trước " + id
                    + " (the file hash does not match the preview)");
        }
        if ("APPLIED".equals(record.status())) {
            throw new Conflict("Bản xem trước này đã được áp dụng lúc " + record.appliedAt()
                    + " (this preview was applied already)");
        }
        if (!"PREVIEWED".equals(record.status())) {
            List<String> rows = repository.refusedRows(id, 5).stream()
                    .map(e -> "dòng " + e.getKey() + ": " + e.getValue()).toList();
            throw new InputRejected("Tệp có " + record.refusedCount() + " dòng bị từ chối, không áp dụng gì; sửa tệp"
                    + " rồi xem trước lại. " + String.join(" | ", rows) + " (rows refused, nothing applied)");
        }
        ImportPlanner.DirectoryState state = repository.directoryState();
        ImportPlan plan = ImportPlanner.plan(repository.rows(id), state);
        List<String> previewed = repository.changes(id, Integer.MAX_VALUE).stream()
                .map(c -> c.kind() + "|" + c.userId() + "|" + c.after()).toList();
        List<String> now = plan.changes().stream()
                .map(c -> c.kind() + "|" + c.userId() + "|" + ImportRepository.cut(c.summary(), 2000)).toList();
        if (!plan.refused().isEmpty() || !previewed.equals(now)) {
            throw new Conflict("Danh bạ đã thay đổi từ khi xem trước; hãy xem trước lại tệp này (the directory "
                    + "changed since the preview, preview the file again)");
        }
        Map<String, String> chosen = validHolders(holders == null ? Map.of() : holders, plan, state);
        OffsetDateTime at = OffsetDateTime.now(clock);
        if (!repository.markApplied(id, actor, at)) {
            throw new Conflict("Bản xem trước này đã được áp dụng (this preview was applied already)");
        }
        Set<String> existingUsers = state.camundaUsers();
        for (Change change : plan.changes()) {
            if (change.kind() == Kind.LEAVING) {
                continue;
            }
            Person person = change.after();
            accounts.register(person.official(), existingUsers.contains(person.userId()) ? null : unusablePassword());
            repository.upsertContact(person.userId(), person.phone(), person.jobTitle(), at);
        }
        for (Change change : plan.changes()) {
            if (!change.handsOver()) {
                continue;
            }
            String from = change.userId();
            String target = Optional.ofNullable(chosen.get(from))
                    .or(() -> futureHead(change.before().unitCode(), plan, state)).orElse(null);
            handOver(id, change, target, actor);
            if (change.kind() == Kind.LEAVING) {
                accounts.deactivate(from);
            }
        }
        return view(id);
    }

    private void handOver(String importId, Change change, String target, String actor) {
        String from = change.userId();
        List<HeldAssignment> held = handover.openWorkOf(from);
        List<Task> tasks = taskService.createTaskQuery().taskAssignee(from).list();
        if (held.isEmpty() && tasks.isEmpty()) {
            return;
        }
        String unitCode = change.before().unitCode();
        if (target == null) {
            throw new InputRejected("Không có người nhận bàn giao " + (held.size() + tasks.size()) + " việc đang mở"
                    + " của " + from + ": đơn vị " + unitCode + " không có thủ trưởng; hãy chọn người nhận. Không áp"
                    + " dụng gì (no one to receive the open work: choose a holder; nothing applied)");
        }
        String reason = change.kind() == Kind.MOVED
                ? "chuyển công tác sang " + unitName(change.after().unitCode()) : "nghỉ việc, thôi công tác";
        List<HeldAssignment> handed = handover.handOver(from, target, actor, reason);
        // tasks of other processes (directives, reports, authority) assigned to the official
        List<Task> others = taskService.createTaskQuery().taskAssignee(from).list();
        for (Task task : others) {
            taskService.setAssignee(task.getId(), target);
        }
        int items = handed.size() + others.size();
        List<String> titles = new ArrayList<>();
        handed.forEach(item -> titles.add(item.title()));
        others.forEach(task -> titles.add(task.getName() == null ? task.getId() : task.getName()));
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("fromName", nameOf(from));
        model.put("reason", reason);
        model.put("actor", actor);
        model.put("count", items);
        model.put("unitName", unitName(unitCode));
        model.put("items", titles.stream().limit(50).toList());
        notifications.enqueue(new Notification("handover:" + importId + ":" + from, NotificationKind.HANDOVER,
                handed.isEmpty() ? null : handed.get(0).assignmentId(), List.of(target), "handover", model));
        repository.recordHandover(importId, from, target, items);
    }

    /** The head of {@code unitCode} once the plan is applied: the file's for a unit it covers, else the directory's. */
    static Optional<String> futureHead(String unitCode, ImportPlan plan, ImportPlanner.DirectoryState state) {
        if (plan.coveredUnits().contains(unitCode)) {
            return plan.rows().stream().map(ImportPlan.RowResult::person)
                    .filter(p -> p != null && p.unitCode().equals(unitCode) && p.role() == Role.HEAD)
                    .map(Person::userId).findFirst();
        }
        Set<String> leavingUnit = new HashSet<>();
        plan.changes().stream().filter(Change::handsOver).forEach(c -> leavingUnit.add(c.userId()));
        return state.officials().values().stream()
                .filter(p -> p.active() && p.role() == Role.HEAD && p.unitCode().equals(unitCode)
                        && !leavingUnit.contains(p.userId()))
                .map(Person::userId).sorted(Comparator.naturalOrder()).findFirst();
    }

    /** The administrator's choices: for a mover or leaver of the plan, an official who is active after it. */
    private static Map<String, String> validHolders(Map<String, String> holders, ImportPlan plan,
                                                    ImportPlanner.DirectoryState state) {
        Map<String, Change> handing = new HashMap<>();
        plan.changes().stream().filter(Change::handsOver).forEach(c -> handing.put(c.userId(), c));
        Set<String> leaving = new HashSet<>();
        plan.changes().stream().filter(c -> c.kind() == Kind.LEAVING).forEach(c -> leaving.add(c.userId()));
        Set<String> inFile = new HashSet<>();
        plan.rows().stream().filter(r -> r.person() != null).forEach(r -> inFile.add(r.person().userId()));
        Map<String, String> result = new HashMap<>();
        for (Map.Entry<String, String> entry : holders.entrySet()) {
            String from = entry.getKey();
            String to = entry.getValue() == null ? "" : entry.getValue().strip().toLowerCase(java.util.Locale.ROOT);
            if (to.isEmpty()) {
                continue;
            }
            if (!handing.containsKey(from)) {
                throw new InputRejected("'" + cutName(from) + "' không chuyển đơn vị hay nghỉ việc trong tệp này, không"
                        + " có việc để bàn giao (not a mover or leaver of this import)");
            }
            Person holder = state.officials().get(to);
            boolean active = inFile.contains(to) || (holder != null && holder.active() && !leaving.contains(to));
            if (to.equals(from) || !active || leaving.contains(to)) {
                throw new InputRejected("Người nhận bàn giao '" + cutName(to) + "' không phải cán bộ đang công tác"
                        + " (the holder must be an active official other than the one who moves or leaves)");
            }
            result.put(from, to);
        }
        return result;
    }

    private String unitName(String unitCode) {
        return directory.unit(unitCode).map(Unit::name).orElse(unitCode);
    }

    private String nameOf(String userId) {
        return directory.official(userId).map(o -> o.fullName() + " (" + userId + ")").orElse(userId);
    }

    /**
     * New accounts get a random password nobody knows (Camunda requires one): they sign in with single sign-on, or
     * an administrator sets a password in Camunda Admin (docs/accounts.md).
     */
    private static String unusablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return "Aa1!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String cutName(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
