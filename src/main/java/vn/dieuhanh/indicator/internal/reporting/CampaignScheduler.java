package vn.dieuhanh.indicator.internal.reporting;

import java.util.Date;
import java.util.Optional;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Schedule;

/**
 * Keeps one Quartz cron trigger per frequency ({@code indicator/indicator-campaign-MONTHLY}, ...) in line with the
 * {@code ind_schedule} table: at start-up on every node and whenever an admin changes a row. The triggers live in
 * Quartz's clustered JDBC store, so a change made on one node holds for the whole cluster.
 */
@Component
public class CampaignScheduler implements SmartInitializingSingleton {

    public static final JobKey JOB = JobKey.jobKey(CampaignJob.JOB_NAME, CampaignJob.GROUP);

    private final Scheduler scheduler;
    private final ReportingRepository repository;

    CampaignScheduler(Scheduler scheduler, ReportingRepository repository) {
        this.scheduler = scheduler;
        this.repository = repository;
    }

    @Bean
    static JobDetail indicatorCampaignJobDetail() {
        // requestRecovery: a firing whose node dies while it runs (kill -9, power) is run again by another node of
        // the cluster when Quartz's check-in finds the dead node (clusterCheckinInterval); opening a period twice is
        // harmless (unique period), so running it again is safe. storeDurably: the job stays without triggers.
        return JobBuilder.newJob(CampaignJob.class).withIdentity(JOB)
                .withDescription("Mở đợt báo cáo chỉ tiêu định kỳ").storeDurably().requestRecovery().build();
    }

    public static TriggerKey triggerKey(String frequency) {
        return TriggerKey.triggerKey(CampaignJob.JOB_NAME + "-" + frequency, CampaignJob.GROUP);
    }

    @Override
    public void afterSingletonsInstantiated() {
        repository.schedules().forEach(this::apply);
    }

    /** Creates, moves or removes the frequency's trigger to match the schedule. */
    public void apply(Schedule schedule) {
        TriggerKey key = triggerKey(schedule.frequency());
        try {
            if (!schedule.enabled()) {
                scheduler.unscheduleJob(key);
                return;
            }
            Trigger existing = scheduler.getTrigger(key);
            if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(schedule.openCron())) {
                return;
            }
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key).forJob(JOB)
                    .usingJobData(CampaignJob.DATA_FREQUENCY, schedule.frequency())
                    .withDescription("Mở đợt báo cáo " + schedule.frequency())
                    .withSchedule(CronScheduleBuilder.cronSchedule(schedule.openCron())
                            .inTimeZone(TimeZone.getTimeZone(WorkingCalendar.ZONE))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            if (existing == null) {
                try {
                    scheduler.scheduleJob(trigger);
                } catch (ObjectAlreadyExistsException raced) {
                    scheduler.rescheduleJob(key, trigger); // another node created it meanwhile
                }
            } else {
                scheduler.rescheduleJob(key, trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not schedule the indicator campaign " + schedule.frequency(), e);
        }
    }

    /** When the trigger fires next, if it is scheduled. */
    public Optional<Date> nextFire(String frequency) {
        try {
            return Optional.ofNullable(scheduler.getTrigger(triggerKey(frequency))).map(Trigger::getNextFireTime);
        } catch (SchedulerException e) {
            throw new IllegalStateException(e);
        }
    }
}
