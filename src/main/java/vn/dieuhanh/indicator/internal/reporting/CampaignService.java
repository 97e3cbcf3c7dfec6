package vn.dieuhanh.indicator.internal.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.indicator.IndicatorCatalogue;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Campaign;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Schedule;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;

/**
 * Opens reporting campaigns: one per period, whoever asks how often (the Quartz job on any node, an administrator):
 * the campaign row's unique period is written in the same transaction that starts the process, so a second attempt
 * finds it and starts nothing.
 */
@Service
public class CampaignService {

    public record Opened(String campaignId, String period, boolean created) {
    }

    private final ReportingRepository repository;
    private final RuntimeService runtimeService;
    private final WorkingCalendar calendar;
    private final OrganisationDirectory directory;
    private final IndicatorCatalogue catalogue;
    private final Clock clock;

    CampaignService(ReportingRepository repository, RuntimeService runtimeService, WorkingCalendar calendar,
                    OrganisationDirectory directory, IndicatorCatalogue catalogue, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.runtimeService = runtimeService;
        this.calendar = calendar;
        this.directory = directory;
        this.catalogue = catalogue;
    }

    /** Opens the campaign of a period unless it exists. */
    @Transactional
    public Opened open(ReportingPeriod period, String actor) {
        Optional<Campaign> existing = repository.campaignOfPeriod(period.label());
        if (existing.isPresent()) {
            return new Opened(existing.get().id(), period.label(), false);
        }
        Schedule schedule = repository.schedule(period.frequency().name())
                .orElseThrow(() -> new IllegalStateException("No reporting schedule for " + period.frequency()));
        Instant now = clock.instant();
        Campaign campaign = new Campaign(UUID.randomUUID().toString(), period.label(), period.frequency().name(),
                dueAt(period, schedule.dueWorkingDays(), now), now, actor, null, null);
        if (!repository.insertCampaign(campaign)) {
            return new Opened(repository.campaignOfPeriod(period.label()).orElseThrow().id(), period.label(), false);
        }
        String instance = runtimeService.startProcessInstanceByKey(IndicatorReportingProcess.KEY,
                IndicatorReportingProcess.businessKey(period.label()),
                Map.of(IndicatorReportingProcess.VAR_CAMPAIGN_ID, campaign.id(),
                        IndicatorReportingProcess.VAR_PERIOD, period.label())).getId();
        repository.setCampaignProcess(campaign.id(), instance);
        return new Opened(campaign.id(), period.label(), true);
    }

    /**
     * The end (24:00) of the N-th working day after the period's last day (Civil Code arts. 144-148), or, when the
     * campaign opens later than the day after the period (opened late by hand, or after downtime), after the day
     * before it opened: units always get their N working days, and nobody is late because the campaign was.
     */
    Instant dueAt(ReportingPeriod period, int dueWorkingDays, Instant openedAt) {
        LocalDate dayBeforeOpening = LocalDate.ofInstant(openedAt, WorkingCalendar.ZONE).minusDays(1);
        LocalDate countedFrom = dayBeforeOpening.isAfter(period.lastDay()) ? dayBeforeOpening : period.lastDay();
        Instant noon = countedFrom.atTime(LocalTime.NOON).atZone(WorkingCalendar.ZONE).toInstant();
        return calendar.deadlineAfterWorkingDays(noon, dueWorkingDays).toInstant();
    }

    /** Creates the report of every unit that reports indicators of the period (idempotent); returns their ids. */
    @Transactional
    public List<String> createReports(String campaignId) {
        Campaign campaign = repository.campaign(campaignId)
                .orElseThrow(() -> new IllegalStateException("No campaign " + campaignId));
        ReportingPeriod period = ReportingPeriod.parse(campaign.period());
        List<String> reportIds = new ArrayList<>();
        for (Unit unit : directory.units(Optional.empty())) {
            if (!catalogue.indicatorsFor(unit.code(), period).isEmpty()) {
                reportIds.add(repository.insertReport(UUID.randomUUID().toString(), campaignId, unit.code(),
                        campaign.period(), campaign.dueAt()));
            }
        }
        return reportIds;
    }

    public void close(String campaignId) {
        repository.closeCampaign(campaignId, clock.instant());
    }
}
