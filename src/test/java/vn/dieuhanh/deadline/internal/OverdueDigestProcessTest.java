package vn.dieuhanh.deadline.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static vn.dieuhanh.deadline.OverdueDigestProcess.*;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dieuhanh.ProcessTestEngine;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.calendar.internal.ShippedCalendar;
import vn.dieuhanh.deadline.OverdueWork;
import vn.dieuhanh.deadline.RecordingNotifications;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.platform.EngineClock;

/**
 * {@code overdue-digest.bpmn} with the real steps, the real 2026 calendar and the engine clock; the overdue work is a
 * list (the database query is OverdueDigestTest's) and the outbox a recording fake that, like the real one, ignores a
 * key it has seen.
 */
@Deployment(resources = "processes/deadline/overdue-digest.bpmn")
class OverdueDigestProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    final RecordingNotifications outbox = new RecordingNotifications();
    final List<OverdueWork> overdue = new ArrayList<>();
    final List<Instant> asked = new ArrayList<>();

    static Instant at(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }

    @BeforeEach
    void theRealStepsAroundTheFakes() {
        init(ENGINE.getProcessEngine());
        WorkingCalendar calendar = ShippedCalendar.withOfficialSchedules();
        OverdueDigestDelegates delegates = new OverdueDigestDelegates();
        Mocks.register("checkOverdueDigestDay", delegates.checkOverdueDigestDay(calendar, EngineClock.INSTANCE));
        Mocks.register("sendOverdueDigest", delegates.sendOverdueDigest(now -> {
            asked.add(now);
            return List.copyOf(overdue);
        }, new OverdueDigestSender(outbox), EngineClock.INSTANCE));
        // three overdue items for the officer, one held by a unit (its head is told), one for another ward's officer
        overdue.add(work("NV-1", "Rà soát hộ nghèo", "phuong-ban-co", "Phường Bàn Cờ", "ban-co.officer", null,
                "2026-03-03T23:59:59", 5));
        overdue.add(work("NV-2", "Kiểm tra an toàn thực phẩm", "phuong-ban-co", "Phường Bàn Cờ", "ban-co.officer",
                null, "2026-03-09T23:59:59", 1));
        overdue.add(work("NV-3", "Báo cáo trật tự đô thị", "phuong-ban-co", "Phường Bàn Cờ", "ban-co.officer", null,
                "2026-03-06T16:30:00", 2));
        overdue.add(work("NV-4", "Tổng hợp ý kiến cử tri", "phuong-ban-co", "Phường Bàn Cờ", null, "ban-co.head",
                "2026-03-05T23:59:59", 4));
        overdue.add(work("NV-5", "Dọn vỉa hè", "phuong-sai-gon", "Phường Sài Gòn", "sai-gon.officer", null,
                "2026-03-09T23:59:59", 1));
    }

    @AfterEach
    void realTimeAndNoFakes() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void theTimerStartsEveryDayAt0800InVietnam() {
        ClockUtil.setCurrentTime(Date.from(at("2026-03-10T09:30:00")));
        Job timer = digestTimer();
        assertThat(timer).isNotNull();
        assertThat(timer.getDuedate().toInstant().atZone(WorkingCalendar.ZONE).toLocalTime())
                .isEqualTo(java.time.LocalTime.of(8, 0));

        // it fires, and the next one is armed for 08:00 of a later day
        ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant()));
        execute(timer);
        Job next = digestTimer();
        assertThat(next.getDuedate()).isAfter(timer.getDuedate());
        assertThat(next.getDuedate().toInstant().atZone(WorkingCalendar.ZONE).toLocalTime())
                .isEqualTo(java.time.LocalTime.of(8, 0));
    }

    @Test
    void onAWorkingDayEachOfficialGetsOneDigestListingExactlyHisOverdueWork() {
        List<Notification> sent = runAt(at("2026-03-10T08:00:00"));
        assertThat(lastInstance().getEndActivityId()).isEqualTo(END_DIGEST_SENT);
        assertThat(asked).containsExactly(at("2026-03-10T08:00:00"));

        assertThat(sent).extracting(n -> n.recipients().get(0))
                .containsExactlyInAnyOrder("ban-co.officer", "ban-co.head", "sai-gon.officer");
        assertThat(sent).allSatisfy(n -> {
            assertThat(n.kind()).isEqualTo(NotificationKind.OVERDUE_DIGEST);
            assertThat(n.template()).isEqualTo("overdue-digest");
            assertThat(n.recipients()).hasSize(1);
            assertThat(n.assignmentId()).isNull();
            assertThat(n.dedupKey()).isEqualTo("overdue-digest:2026-03-10:" + n.recipients().get(0));
        });
        Notification officer = to(sent, "ban-co.officer");
        assertThat(officer.model()).containsEntry("count", 3).containsEntry("day", "10/03/2026");
        // oldest deadline first, each with its unit, deadline the Vietnamese way, overdue working days and link
        assertThat(items(officer)).extracting(i -> i.get("assignmentId")).containsExactly("NV-1", "NV-3", "NV-2");
        assertThat(items(officer).get(0)).containsEntry("title", "Rà soát hộ nghèo")
                .containsEntry("unitName", "Phường Bàn Cờ").containsEntry("deadline", "hết ngày 03/03/2026 (thứ Ba)")
                .containsEntry("overdueDays", 5).containsEntry("link", "/viec/NV-1");
        assertThat(items(officer).get(1)).containsEntry("deadline", "16 giờ 30 ngày 06/03/2026 (thứ Sáu)");
        assertThat(items(to(sent, "ban-co.head"))).extracting(i -> i.get("assignmentId")).containsExactly("NV-4");
        assertThat(items(to(sent, "sai-gon.officer"))).extracting(i -> i.get("assignmentId"))
                .containsExactly("NV-5");
    }

    @Test
    void onASundayAndOnAPublicHolidayNothingIsSentAndNothingIsRead() {
        // Tết (Tuesday 17/2/2026), Sunday 8/3/2026, the Hùng Kings' day off (Monday 27/4/2026) and 30/4
        for (String dayOff : List.of("2026-02-17T08:00:00", "2026-03-08T08:00:00", "2026-04-27T08:00:00",
                "2026-04-30T08:00:00")) {
            assertThat(runAt(at(dayOff))).as(dayOff).isEmpty();
            assertThat(lastInstance().getEndActivityId()).as(dayOff).isEqualTo(END_NO_DIGEST);
        }
        assertThat(asked).isEmpty();
    }

    @Test
    void theJobRunTwiceOnTheSameDayOrOnTwoNodesSendsOnce() {
        assertThat(runAt(at("2026-03-10T08:00:00"))).hasSize(3);
        // a second instance the same day (a retry after a failure, another node, a redeployed definition)
        assertThat(runAt(at("2026-03-10T11:00:00"))).isEmpty();
        assertThat(asked).hasSize(2);
        // the next working day is a new digest
        assertThat(runAt(at("2026-03-11T08:00:00"))).hasSize(3);
        assertThat(outbox.enqueued()).extracting(Notification::dedupKey).doesNotHaveDuplicates().hasSize(6);
    }

    @Test
    void workWithoutARecipientIsLeftOutAndNobodyGetsAnEmptyDigest() {
        overdue.clear();
        overdue.add(work("NV-9", "Việc không người nhận", "phuong-x", "Phường X", null, null, "2026-03-03T23:59:59", 5));
        assertThat(runAt(at("2026-03-10T08:00:00"))).isEmpty();
        assertThat(lastInstance().getEndActivityId()).isEqualTo(END_DIGEST_SENT);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Fires the start timer at {@code instant} (engine clock), runs the instance's jobs, returns what it enqueued. */
    private List<Notification> runAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
        outbox.takeAll();
        Job timer = digestTimer();
        execute(timer);
        Job send;
        while ((send = managementService().createJobQuery().activityId(SERVICE_SEND_OVERDUE_DIGEST).singleResult())
                != null) {
            execute(send);
        }
        return outbox.takeAll();
    }

    private static Job digestTimer() {
        return managementService().createJobQuery().timers().activityId(START_DIGEST_TIME).singleResult();
    }

    private static HistoricProcessInstance lastInstance() {
        return historyService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).get(0);
    }

    private static Notification to(List<Notification> sent, String recipient) {
        return sent.stream().filter(n -> n.recipients().contains(recipient)).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(Notification notification) {
        return (List<Map<String, Object>>) notification.model().get("items");
    }

    private static OverdueWork work(String id, String title, String unit, String unitName, String holder, String head,
                                    String deadline, int days) {
        return new OverdueWork(id, title, unit, unitName, holder, head, at(deadline), days);
    }
}
