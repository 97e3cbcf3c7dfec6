package vn.dieuhanh.indicator.internal.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.indicator.ReportingPeriod;

/** Which day a campaign's working days are counted from (the counting itself is the calendar's, tested there). */
class CampaignDueDateTest {

    final WorkingCalendar calendar = mock(WorkingCalendar.class);
    final CampaignService campaigns = new CampaignService(null, null, calendar, null, null, java.time.Clock.systemUTC());

    CampaignDueDateTest() {
        when(calendar.deadlineAfterWorkingDays(any(Instant.class), anyInt()))
                .thenReturn(OffsetDateTime.of(2032, 4, 7, 16, 59, 59, 0, ZoneOffset.UTC));
    }

    @Test
    void onScheduleTheDaysCountFromThePeriodsLastDay() {
        campaigns.dueAt(ReportingPeriod.month(2032, 3), 5, Instant.parse("2032-04-01T00:00:00Z")); // 07:00 local
        verify(calendar).deadlineAfterWorkingDays(Instant.parse("2032-03-31T05:00:00Z"), 5); // noon, UTC+7
    }

    @Test
    void aCampaignOpenedLateGivesTheUnitsTheirDaysFromTheOpening() {
        campaigns.dueAt(ReportingPeriod.month(2032, 3), 5, Instant.parse("2032-05-20T02:00:00Z"));
        verify(calendar).deadlineAfterWorkingDays(Instant.parse("2032-05-19T05:00:00Z"), 5);
    }

    @Test
    void theDueInstantIsTheCalendars() {
        assertThat(campaigns.dueAt(ReportingPeriod.quarter(2032, 1), 10, Instant.parse("2032-04-01T00:00:00Z")))
                .isEqualTo(Instant.parse("2032-04-07T16:59:59Z"));
    }
}
