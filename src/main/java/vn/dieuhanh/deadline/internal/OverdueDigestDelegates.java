package vn.dieuhanh.deadline.internal;

import static vn.dieuhanh.deadline.OverdueDigestProcess.VAR_DIGEST_DAY;
import static vn.dieuhanh.deadline.OverdueDigestProcess.VAR_WORKING_DAY;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.deadline.OverdueDigests;
import vn.dieuhanh.deadline.OverdueWork;
import vn.dieuhanh.deadline.OverdueWorkSource;

/**
 * The steps of {@code overdue-digest.bpmn} ({@link vn.dieuhanh.deadline.OverdueDigestProcess}): thin, "now" is the
 * engine clock, the day is {@link WorkingCalendar#ZONE}'s.
 */
@Configuration
class OverdueDigestDelegates {

    private static final Logger LOG = LoggerFactory.getLogger(OverdueDigestDelegates.class);

    /** "Xác định ngày làm việc": today, and whether the official calendar makes it a working day. */
    @Bean
    JavaDelegate checkOverdueDigestDay(WorkingCalendar calendar, Clock clock) {
        return execution -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), WorkingCalendar.ZONE);
            execution.setVariable(VAR_DIGEST_DAY, today.toString());
            execution.setVariable(VAR_WORKING_DAY, calendar.isWorkingDay(today));
        };
    }

    /** "Gửi tổng hợp việc quá hạn": one digest per official, keyed per day (a retry or another node sends nothing). */
    @Bean
    JavaDelegate sendOverdueDigest(OverdueWorkSource source, OverdueDigests digests, Clock clock) {
        return execution -> {
            Instant now = clock.instant();
            Object day = execution.getVariable(VAR_DIGEST_DAY);
            LocalDate digestDay = day instanceof String text ? LocalDate.parse(text)
                    : LocalDate.ofInstant(now, WorkingCalendar.ZONE);
            List<OverdueWork> items = source.overdueWithDailyReminders(now);
            int sent = digests.send(digestDay, items);
            LOG.info("Overdue digest of {}: {} overdue assignments, {} new digests", digestDay, items.size(), sent);
        };
    }
}
