package vn.dieuhanh.calendar.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.LunarCalendar;
import vn.dieuhanh.calendar.LunarDate;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.calendar.internal.CalendarWebModel.AuditResponse;
import vn.dieuhanh.calendar.internal.CalendarWebModel.DeadlineResponse;
import vn.dieuhanh.calendar.internal.CalendarWebModel.HolidayResponse;
import vn.dieuhanh.calendar.internal.CalendarWebModel.ScheduleChangeRequest;
import vn.dieuhanh.calendar.internal.CalendarWebModel.ScheduleEntryBody;
import vn.dieuhanh.calendar.internal.CalendarWebModel.ScheduleResponse;
import vn.dieuhanh.calendar.internal.CalendarWebModel.SolarDateResponse;
import vn.dieuhanh.calendar.internal.CalendarWebModel.WorkingDayResponse;
import vn.dieuhanh.calendar.internal.CalendarWebModel.WorkingDaysBetweenResponse;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.PlainText;
import vn.dieuhanh.platform.Roles;

@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    private final LunarCalendar lunarCalendar;
    private final WorkingCalendar workingCalendar;
    private final ScheduleAdministration administration;
    private final IdentityService identityService;

    CalendarController(LunarCalendar lunarCalendar, WorkingCalendar workingCalendar,
            ScheduleAdministration administration, IdentityService identityService) {
        this.lunarCalendar = lunarCalendar;
        this.workingCalendar = workingCalendar;
        this.administration = administration;
        this.identityService = identityService;
    }

    @GetMapping("/lunar")
    LunarDate lunar(@RequestParam String date) {
        return lunarCalendar.toLunar(CalendarWebModel.parseDate("date", date));
    }

    @GetMapping("/solar")
    SolarDateResponse solar(@RequestParam int year, @RequestParam int month, @RequestParam int day,
            @RequestParam(defaultValue = "false") boolean leap) {
        return new SolarDateResponse(lunarCalendar.toSolar(year, month, day, leap).toString());
    }

    @GetMapping("/holidays")
    List<HolidayResponse> holidays(@RequestParam int year) {
        return workingCalendar.holidays(year).stream().map(HolidayResponse::of).toList();
    }

    @GetMapping("/deadline")
    DeadlineResponse deadline(@RequestParam String from, @RequestParam int workingDays) {
        return DeadlineResponse.of(workingCalendar
                .deadlineAfterWorkingDays(CalendarWebModel.parseInstant("from", from), workingDays));
    }

    @GetMapping("/deadline/hours")
    DeadlineResponse deadlineInWorkingHours(@RequestParam String from, @RequestParam String duration) {
        Duration workingTime;
        try {
            workingTime = Duration.parse(duration.trim());
        } catch (DateTimeParseException e) {
            throw new CalendarArgumentException("'duration' must be an ISO-8601 duration such as PT4H, got '"
                    + duration + "'");
        }
        var start = CalendarWebModel.parseInstant("from", from);
        return DeadlineResponse.of(workingCalendar.addWorkingHours(start.toInstant(), workingTime)
                .atZone(WorkingCalendar.ZONE).toOffsetDateTime());
    }

    @GetMapping("/working-day")
    WorkingDayResponse workingDay(@RequestParam String date) {
        var day = CalendarWebModel.parseDate("date", date);
        return new WorkingDayResponse(day.toString(), workingCalendar.isWorkingDay(day));
    }

    @GetMapping("/working-days")
    WorkingDaysBetweenResponse workingDaysBetween(@RequestParam String from, @RequestParam String to) {
        return new WorkingDaysBetweenResponse(workingCalendar.workingDaysBetween(
                CalendarWebModel.parseInstant("from", from).toInstant(),
                CalendarWebModel.parseInstant("to", to).toInstant()));
    }

    @GetMapping("/schedules/{year}")
    ScheduleResponse schedule(@PathVariable int year) {
        return ScheduleResponse.of(administration.schedule(year));
    }

    @PutMapping("/schedules/{year}")
    ScheduleResponse replaceSchedule(@PathVariable int year, @Valid @RequestBody ScheduleChangeRequest request) {
        String admin = requireAdmin();
        if (request.entries() == null) {
            throw new CalendarArgumentException("'entries' is required (an empty list means statutory default)");
        }
        var entries = request.entries().stream().map(ScheduleEntryBody::toEntry).toList();
        return ScheduleResponse.of(administration.replace(year, entries, request.reason(), admin));
    }

    @DeleteMapping("/schedules/{year}")
    ScheduleResponse revertSchedule(@PathVariable int year,
            @RequestParam @Size(max = InputLimits.REASON) @PlainText String reason) {
        return ScheduleResponse.of(administration.revert(year, reason, requireAdmin()));
    }

    @GetMapping("/schedules/{year}/audit")
    List<AuditResponse> auditTrail(@PathVariable int year) {
        requireAdmin();
        return administration.auditTrail(year).stream().map(AuditResponse::of).toList();
    }

    private String requireAdmin() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null || authentication.getGroupIds() == null
                || !authentication.getGroupIds().contains(Roles.ADMIN)) {
            throw new CalendarAccessDeniedException("Chỉ quản trị viên được sửa lịch nghỉ (changing the official calendar requires "
                    + "the " + Roles.ADMIN + " group)");
        }
        return authentication.getUserId();
    }
}
