package vn.dieuhanh.indicator.internal.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.quartz.CronExpression;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.indicator.Frequency;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportInputException;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Schedule;
import vn.dieuhanh.platform.SingleLine;

@RestController
@Tag(name = "Lịch báo cáo chỉ tiêu", description = "When campaigns open and when reports are due, per frequency")
class ScheduleController {

    private final ReportingRepository repository;
    private final CampaignScheduler scheduler;
    private final ReportingAccess access;
    private final Clock clock;

    ScheduleController(ReportingRepository repository, CampaignScheduler scheduler, ReportingAccess access,
                       Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.scheduler = scheduler;
        this.access = access;
    }

    record ScheduleView(String frequency, String openCron, int dueWorkingDays, boolean enabled, String updatedBy,
                        Instant updatedAt, Instant nextFireAt) {
    }

    record ScheduleRequest(@Size(max = 120) @SingleLine String openCron, @Min(1) @Max(60) Integer dueWorkingDays,
                           Boolean enabled) {
    }

    @GetMapping("/api/indicator-schedules")
    List<ScheduleView> list() {
        access.caller();
        return repository.schedules().stream().map(this::view).toList();
    }

    @GetMapping("/api/indicator-schedules/{frequency}")
    @Operation(summary = "The schedule of a frequency (MONTHLY, QUARTERLY, YEARLY) and its trigger's next firing")
    ScheduleView get(@PathVariable String frequency) {
        access.caller();
        return view(repository.schedule(frequency(frequency).name()).orElseThrow());
    }

    @PutMapping("/api/indicator-schedules/{frequency}")
    @Transactional
    @Operation(summary = "Change when campaigns open (Quartz cron, Asia/Ho_Chi_Minh), when reports are due (working "
            + "days after the period) and whether it runs; reschedules the cluster's trigger (admins)")
    ScheduleView put(@PathVariable String frequency, @Valid @RequestBody ScheduleRequest request) {
        ReportingAccess.Caller caller = access.requireAdmin();
        Schedule current = repository.schedule(frequency(frequency).name()).orElseThrow();
        if (request == null) {
            throw new ReportInputException("A JSON body {openCron, dueWorkingDays, enabled} is required");
        }
        String cron = request.openCron() == null ? current.openCron() : request.openCron().trim();
        if (!CronExpression.isValidExpression(cron)) {
            throw new ReportInputException("openCron '" + cron + "' is not a Quartz cron expression "
                    + "(e.g. '0 0 7 1 * ?': 07:00 on the 1st of every month)");
        }
        int due = request.dueWorkingDays() == null ? current.dueWorkingDays() : request.dueWorkingDays();
        if (due < 1 || due > 60) {
            throw new ReportInputException("dueWorkingDays must be 1-60, got " + due);
        }
        Schedule changed = new Schedule(current.frequency(), cron, due,
                request.enabled() == null ? current.enabled() : request.enabled(), caller.userId(),
                clock.instant());
        repository.saveSchedule(changed);
        scheduler.apply(changed);
        return view(changed);
    }

    private ScheduleView view(Schedule s) {
        return new ScheduleView(s.frequency(), s.openCron(), s.dueWorkingDays(), s.enabled(), s.updatedBy(),
                s.updatedAt(), scheduler.nextFire(s.frequency()).map(Date::toInstant).orElse(null));
    }

    private static Frequency frequency(String text) {
        try {
            return Frequency.valueOf(text.trim().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw new ReportInputException("Unknown frequency '" + text + "'; expected MONTHLY, QUARTERLY or YEARLY");
        }
    }
}
