package vn.dieuhanh.deadline;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.dieuhanh.deadline.AlertKind.*;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.calendar.internal.ShippedCalendar;

class AlertScheduleTest {

    static final ReminderPolicy DEFAULT = new ReminderPolicy(List.of(50, 75), 1, 2, true, 3, 5);
    final AlertSchedule schedule = new AlertSchedule(ShippedCalendar.withOfficialSchedules());

    static Instant at(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }

    @Test
    void acrossTet2026TheRemindersFallOnWorkingTimeAndOverdueDaysSkipWeekends() {
        // assigned Tuesday 10/2/2026 09:00 with 10 working days: 11, 12, 13/2, (Tết 14-22/2), 23-27/2, 2/3, 3/3
        Instant assigned = at("2026-02-10T09:00:00");
        Instant deadline = at("2026-03-03T23:59:59");
        // 7 h on 10/2 + 10 days x 8 h = 87 h of office time
        assertThat(schedule.workingTimeBetween(assigned, deadline)).isEqualTo(Duration.ofHours(87));

        assertThat(schedule.between(assigned, deadline, DEFAULT, assigned, at("2026-03-11T23:00:00"))).containsExactly(
                // 43 h 30: 7 + 8 + 8 + 8 (to Friday 13/2), Tết, 8 on Monday 23/2, 4 h + 30 min on Tuesday 24/2
                new DeadlineAlert(at("2026-02-24T13:30:00"), REMINDER, 1),
                // 65 h 15: ... 63 h by Thursday 26/2, 2 h 15 on Friday 27/2
                new DeadlineAlert(at("2026-02-27T10:15:00"), REMINDER, 2),
                // one working day before the deadline's day (Tuesday 3/3): Monday 2/3 at 08:00
                new DeadlineAlert(at("2026-03-02T08:00:00"), REMINDER, 3),
                new DeadlineAlert(at("2026-03-04T00:00:00"), OVERDUE, 1),
                new DeadlineAlert(at("2026-03-05T08:00:00"), OVERDUE_REMINDER, 2),
                new DeadlineAlert(at("2026-03-06T08:00:00"), OVERDUE_REMINDER, 3),
                // Saturday 7 and Sunday 8 are no overdue days; 3 full overdue days have passed on Monday 9/3
                new DeadlineAlert(at("2026-03-09T08:00:00"), OVERDUE_REMINDER, 4),
                new DeadlineAlert(at("2026-03-09T08:00:00"), ESCALATION_TO_HEAD, 4),
                new DeadlineAlert(at("2026-03-10T08:00:00"), OVERDUE_REMINDER, 5),
                new DeadlineAlert(at("2026-03-11T08:00:00"), OVERDUE_REMINDER, 6),
                new DeadlineAlert(at("2026-03-11T08:00:00"), ESCALATION_TO_LEADER, 6));
    }

    @Test
    void nextIsTheFirstAlertStrictlyAfterAnInstant() {
        Instant assigned = at("2026-02-10T09:00:00");
        Instant deadline = at("2026-03-03T23:59:59");
        assertThat(schedule.next(assigned, deadline, DEFAULT, assigned))
                .contains(new DeadlineAlert(at("2026-02-24T13:30:00"), REMINDER, 1));
        // nothing during Tết
        assertThat(schedule.next(assigned, deadline, DEFAULT, at("2026-02-17T10:00:00")))
                .contains(new DeadlineAlert(at("2026-02-24T13:30:00"), REMINDER, 1));
        assertThat(schedule.next(assigned, deadline, DEFAULT, at("2026-02-24T13:30:00")))
                .contains(new DeadlineAlert(at("2026-02-27T10:15:00"), REMINDER, 2));
        assertThat(schedule.next(assigned, deadline, DEFAULT, at("2026-03-06T08:00:00")))
                .contains(new DeadlineAlert(at("2026-03-09T08:00:00"), OVERDUE_REMINDER, 4));
        // far overdue: the next working morning
        assertThat(schedule.next(assigned, deadline, DEFAULT, at("2026-04-03T09:00:00")))
                .contains(new DeadlineAlert(at("2026-04-06T08:00:00"), OVERDUE_REMINDER, 24));
    }

    @Test
    void theWatcherTurnByTurnSendsEveryAlertOnceInOrderAlsoTwoOfTheSameInstant() {
        Instant assigned = at("2026-02-10T09:00:00");
        Instant deadline = at("2026-03-03T23:59:59");
        Instant end = at("2026-03-11T23:00:00");
        List<DeadlineAlert> sent = new ArrayList<>();
        DeadlineAlert pending = schedule.next(assigned, deadline, DEFAULT, assigned).orElseThrow();
        // the engine fires each timer at its instant: select what is due, send it, plan the next
        while (!pending.at().isAfter(end)) {
            DeadlineAlert due = schedule.dueNow(assigned, deadline, DEFAULT, pending, pending.at()).orElseThrow();
            sent.add(due);
            pending = schedule.after(assigned, deadline, DEFAULT, due, due.at()).orElseThrow();
        }
        assertThat(sent).isEqualTo(schedule.between(assigned, deadline, DEFAULT, assigned, end));
        assertThat(sent).filteredOn(alert -> alert.at().equals(at("2026-03-09T08:00:00")))
                .extracting(DeadlineAlert::kind).containsExactly(OVERDUE_REMINDER, ESCALATION_TO_HEAD);
    }

    @Test
    void afterDowntimeTheTurnsSendTheOverdueAlertAndTheEscalationButNoStaleReminder() {
        Instant assigned = at("2026-02-10T09:00:00");
        Instant deadline = at("2026-03-03T23:59:59");
        Instant back = at("2026-03-09T10:00:00"); // the engine was down from before the first reminder
        DeadlineAlert pending = new DeadlineAlert(at("2026-02-24T13:30:00"), REMINDER, 1);
        List<DeadlineAlert> sent = new ArrayList<>();
        for (DeadlineAlert due = schedule.dueNow(assigned, deadline, DEFAULT, pending, back).orElseThrow();
             !due.at().isAfter(back);
             due = schedule.after(assigned, deadline, DEFAULT, due, back).orElseThrow()) {
            sent.add(due);
        }
        assertThat(sent).extracting(DeadlineAlert::kind).containsExactly(OVERDUE, OVERDUE_REMINDER,
                ESCALATION_TO_HEAD);
        assertThat(schedule.after(assigned, deadline, DEFAULT, sent.get(2), back))
                .contains(new DeadlineAlert(at("2026-03-10T08:00:00"), OVERDUE_REMINDER, 5));
    }

    @Test
    void aWindowMonthsIntoTheOverduePeriodHoldsTheSameAlertsAsTheWholeScheduleThere() {
        Instant assigned = at("2026-02-10T09:00:00");
        Instant deadline = at("2026-03-03T23:59:59");
        Instant end = at("2026-09-30T23:00:00");
        List<DeadlineAlert> whole = schedule.between(assigned, deadline, DEFAULT, assigned, end);
        for (String from : List.of("2026-06-01T08:00:00", "2026-06-01T08:00:01", "2026-06-06T10:00:00",
                "2026-09-02T07:59:59")) {
            Instant start = at(from);
            assertThat(schedule.between(assigned, deadline, DEFAULT, start, end)).as(from)
                    .isEqualTo(whole.stream().filter(alert -> !alert.at().isBefore(start)).toList());
        }
    }

    @Test
    void whenTheDeadlineMovedNothingIsDueAtThePendingInstant() {
        Instant assigned = at("2026-02-10T09:00:00");
        DeadlineAlert pending = new DeadlineAlert(at("2026-03-04T00:00:00"), OVERDUE, 1);
        assertThat(schedule.dueNow(assigned, at("2026-03-20T23:59:59"), DEFAULT, pending, pending.at())).isEmpty();
    }

    @Test
    void withoutDailyRemindersTheScheduleEndsWithTheLastEscalation() {
        ReminderPolicy quiet = new ReminderPolicy(List.of(), 0, 2, false, 1, 2);
        Instant assigned = at("2026-03-02T09:00:00");
        Instant deadline = at("2026-03-06T23:59:59");
        assertThat(schedule.between(assigned, deadline, quiet, assigned, at("2026-12-31T00:00:00"))).containsExactly(
                new DeadlineAlert(at("2026-03-07T00:00:00"), OVERDUE, 1),
                new DeadlineAlert(at("2026-03-10T08:00:00"), ESCALATION_TO_HEAD, 2),
                new DeadlineAlert(at("2026-03-11T08:00:00"), ESCALATION_TO_LEADER, 3));
        assertThat(schedule.next(assigned, deadline, quiet, at("2026-03-11T08:00:00"))).isEmpty();
    }

    @Test
    void theDigestSchedulePlansNoDailyReminderEvenWhenThePolicyAsksButKeepsEverythingElse() {
        AlertSchedule lifecycle = schedule.withoutDailyOverdueReminders();
        assertThat(lifecycle.plansDailyOverdueReminders()).isFalse();
        assertThat(schedule.plansDailyOverdueReminders()).isTrue();
        assertThat(lifecycle.withoutDailyOverdueReminders()).isSameAs(lifecycle);
        Instant assigned = at("2026-02-10T09:00:00");
        Instant deadline = at("2026-03-03T23:59:59");
        // the same instants as the full schedule (acrossTet2026...), without the OVERDUE_REMINDER ones
        List<DeadlineAlert> full = schedule.between(assigned, deadline, DEFAULT, assigned, at("2026-12-31T00:00:00"));
        assertThat(lifecycle.between(assigned, deadline, DEFAULT, assigned, at("2026-12-31T00:00:00")))
                .isEqualTo(full.stream().filter(a -> a.kind() != OVERDUE_REMINDER).toList())
                .containsExactly(
                        new DeadlineAlert(at("2026-02-24T13:30:00"), REMINDER, 1),
                        new DeadlineAlert(at("2026-02-27T10:15:00"), REMINDER, 2),
                        new DeadlineAlert(at("2026-03-02T08:00:00"), REMINDER, 3),
                        new DeadlineAlert(at("2026-03-04T00:00:00"), OVERDUE, 1),
                        new DeadlineAlert(at("2026-03-09T08:00:00"), ESCALATION_TO_HEAD, 4),
                        new DeadlineAlert(at("2026-03-11T08:00:00"), ESCALATION_TO_LEADER, 6));
        // after the overdue alert the next is the head's escalation; after the leader's nothing is left
        assertThat(lifecycle.next(assigned, deadline, DEFAULT, at("2026-03-04T00:00:00")))
                .contains(new DeadlineAlert(at("2026-03-09T08:00:00"), ESCALATION_TO_HEAD, 4));
        assertThat(lifecycle.next(assigned, deadline, DEFAULT, at("2026-03-11T08:00:00"))).isEmpty();

        // a pending reminder planned by an older version: nothing is due at its instant, then the escalation
        DeadlineAlert legacy = new DeadlineAlert(at("2026-03-05T08:00:00"), OVERDUE_REMINDER, 2);
        assertThat(lifecycle.dueNow(assigned, deadline, DEFAULT, legacy, legacy.at())).isEmpty();
        assertThat(lifecycle.next(assigned, deadline, DEFAULT, legacy.at()))
                .contains(new DeadlineAlert(at("2026-03-09T08:00:00"), ESCALATION_TO_HEAD, 4));
        // one on the escalation's morning gives way to the escalation
        DeadlineAlert sameMorning = new DeadlineAlert(at("2026-03-09T08:00:00"), OVERDUE_REMINDER, 4);
        assertThat(lifecycle.dueNow(assigned, deadline, DEFAULT, sameMorning, sameMorning.at()))
                .contains(new DeadlineAlert(at("2026-03-09T08:00:00"), ESCALATION_TO_HEAD, 4));
    }

    @Test
    void remindersOvertakenByALaterDueAlertAreNotSentButOverdueAndEscalationsAre() {
        Instant assigned = at("2026-03-02T09:00:00");
        Instant deadline = at("2026-03-06T23:59:59");
        // the pending reminder (Wednesday 4/3 13:30) fires only on Tuesday 17/3 10:00 (engine down, clock jumped)
        List<DeadlineAlert> due = schedule.due(assigned, deadline, DEFAULT, at("2026-03-04T13:30:00"),
                at("2026-03-17T10:00:00"));
        assertThat(due).containsExactly(
                new DeadlineAlert(at("2026-03-07T00:00:00"), OVERDUE, 1),
                new DeadlineAlert(at("2026-03-12T08:00:00"), ESCALATION_TO_HEAD, 4),
                new DeadlineAlert(at("2026-03-16T08:00:00"), ESCALATION_TO_LEADER, 6),
                new DeadlineAlert(at("2026-03-17T08:00:00"), OVERDUE_REMINDER, 7));
    }

    @Test
    void pointsOutsideTheAssignmentAreDroppedAndCoincidingOnesSentOnce() {
        // one working day: the day-before reminder would be before the assignment; 50 % and 50 % coincide
        ReminderPolicy policy = new ReminderPolicy(List.of(50, 50), 1, 1, true, 1, 2);
        Instant assigned = at("2026-03-02T09:00:00");
        Instant deadline = at("2026-03-03T23:59:59");
        // 7 h + 8 h = 15 h; half: 7 h 30 = Tuesday 3/3 08:30
        assertThat(schedule.upToDeadline(assigned, deadline, policy)).containsExactly(
                new DeadlineAlert(at("2026-03-03T08:30:00"), REMINDER, 1),
                new DeadlineAlert(at("2026-03-04T00:00:00"), OVERDUE, 1));
    }
}
