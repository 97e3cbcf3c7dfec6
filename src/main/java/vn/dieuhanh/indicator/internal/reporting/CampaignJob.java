package vn.dieuhanh.indicator.internal.reporting;

import java.time.Clock;
import java.time.LocalDate;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.quartz.QuartzJobBean;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.indicator.Frequency;
import vn.dieuhanh.indicator.ReportingPeriod;

/**
 * Opens the campaign of the period that has just ended (the firing's local date, Asia/Ho_Chi_Minh, minus one period),
 * or of the period in the job data ({@code period}, for a firing by hand). Quartz's clustered JDBC store gives each
 * firing to one node; the campaign's unique period makes a second firing for the same period harmless. Every firing
 * is logged in {@code ind_campaign_run} with the node that ran it.
 */
@DisallowConcurrentExecution
public class CampaignJob extends QuartzJobBean {

    public static final String JOB_NAME = "indicator-campaign";
    public static final String GROUP = "indicator";
    public static final String DATA_FREQUENCY = "frequency";
    public static final String DATA_PERIOD = "period";
    private static final Logger LOG = LoggerFactory.getLogger(CampaignJob.class);

    @Autowired
    private CampaignService campaigns;
    @Autowired
    private ReportingRepository repository;
    @Autowired
    private Clock clock;

    @Override
    protected void executeInternal(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        ReportingPeriod period = data.containsKey(DATA_PERIOD) ? ReportingPeriod.parse(data.getString(DATA_PERIOD))
                : justEnded(Frequency.valueOf(data.getString(DATA_FREQUENCY)), context);
        String outcome;
        try {
            outcome = campaigns.open(period, "quartz").created() ? "OPENED" : "ALREADY_OPEN";
        } catch (DuplicateKeyException raced) {
            outcome = "ALREADY_OPEN"; // another opening of the period committed first (unique period)
        } catch (RuntimeException e) {
            LOG.error("Opening the indicator campaign of {} failed", period, e);
            outcome = "FAILED";
        }
        repository.logRun(context.getFireInstanceId(), period.frequency().name(), period.label(), node(context),
                outcome, clock.instant());
        LOG.info("Indicator campaign {}: {}{}", period, outcome,
                context.isRecovering() ? " (run again after its node died: " + context.getRecoveringTriggerKey() + ")"
                        : "");
    }

    static ReportingPeriod justEnded(Frequency frequency, JobExecutionContext context) {
        return justEnded(frequency, scheduledFireTime(context).toInstant().atZone(WorkingCalendar.ZONE).toLocalDate());
    }

    /**
     * When the firing was due. A firing run again after its node died (Quartz's recovery, {@code requestRecovery})
     * has a trigger of its own; the original firing's due time is in its data, so the recovered run opens the same
     * period as the interrupted one, whenever it runs.
     */
    static java.util.Date scheduledFireTime(JobExecutionContext context) {
        if (context.isRecovering()) {
            String original = context.getMergedJobDataMap()
                    .getString(org.quartz.Scheduler.FAILED_JOB_ORIGINAL_TRIGGER_SCHEDULED_FIRETIME_IN_MILLISECONDS);
            if (original != null) {
                return new java.util.Date(Long.parseLong(original));
            }
        }
        return context.getScheduledFireTime() != null ? context.getScheduledFireTime() : context.getFireTime();
    }

    /** The period before the one containing {@code day}: fired on 1 April, the monthly campaign is for March. */
    public static ReportingPeriod justEnded(Frequency frequency, LocalDate day) {
        return ReportingPeriod.containing(frequency, ReportingPeriod.containing(frequency, day).firstDay()
                .minusDays(1));
    }

    private static String node(JobExecutionContext context) {
        try {
            return context.getScheduler().getSchedulerName() + "/" + context.getScheduler().getSchedulerInstanceId();
        } catch (SchedulerException e) {
            return "unknown";
        }
    }
}
