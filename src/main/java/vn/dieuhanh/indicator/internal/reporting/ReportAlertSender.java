package vn.dieuhanh.indicator.internal.reporting;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import vn.dieuhanh.deadline.AlertKind;
import vn.dieuhanh.deadline.DeadlineAlert;
import vn.dieuhanh.indicator.IndicatorReportOverdue;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Report;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.Notifications;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitKind;

/**
 * One outbox notification per due alert of a report that is still with its unit (none while the head reviews it or
 * after approval), keyed {@code indicator-report:<id>:<KIND>:<instant>}; for the overdue alert, the first time only,
 * {@link IndicatorReportOverdue} for the kpi capability. Runs in the engine transaction of the watcher's timer job.
 */
@Component
class ReportAlertSender {

    private static final Logger LOG = LoggerFactory.getLogger(ReportAlertSender.class);

    private final ReportingRepository repository;
    private final Notifications notifications;
    private final OrganisationDirectory directory;
    private final ApplicationEventPublisher events;

    ReportAlertSender(ReportingRepository repository, Notifications notifications, OrganisationDirectory directory,
                      ApplicationEventPublisher events) {
        this.repository = repository;
        this.notifications = notifications;
        this.directory = directory;
        this.events = events;
    }

    void send(String reportId, String title, DeadlineAlert alert) {
        Report report = repository.report(reportId).orElseThrow();
        if (!report.status().withUnit()) {
            return; // sent: the head has it, or it is approved
        }
        if (alert.kind() == AlertKind.OVERDUE && repository.markOverdue(reportId, alert.at())) {
            events.publishEvent(new IndicatorReportOverdue(reportId, report.unitCode(), report.period(),
                    report.dueAt(), alert.at()));
        }
        List<String> recipients = recipients(report.unitCode(), alert.kind());
        if (recipients.isEmpty()) {
            LOG.warn("Report alert {} for {} has nobody to tell", alert.kind(), reportId);
            return;
        }
        notifications.enqueue(new Notification(dedupKey(reportId, alert), alert.kind().notificationKind(), null,
                recipients, template(alert.kind()), model(report, title, alert)));
    }

    static String dedupKey(String reportId, DeadlineAlert alert) {
        return "indicator-report:" + reportId + ":" + alert.kind().name() + ":" + alert.at();
    }

    /** The unit head for reminders, overdue and the first escalation; City PC leaders and the Office head after. */
    List<String> recipients(String unitCode, AlertKind kind) {
        List<String> recipients = new ArrayList<>();
        if (kind == AlertKind.ESCALATION_TO_LEADER) {
            for (Unit unit : directory.units(Optional.of(UnitKind.CITY_LEADERSHIP))) {
                directory.officials(unit.code()).stream().filter(o -> o.role() == Role.LEADER)
                        .map(Official::userId).forEach(recipients::add);
            }
            for (Unit office : directory.units(Optional.of(UnitKind.OFFICE))) {
                directory.head(office.code()).map(Official::userId).ifPresent(recipients::add);
            }
        } else {
            directory.head(unitCode).map(Official::userId).ifPresent(recipients::add);
        }
        return recipients.stream().distinct().toList();
    }


    private static String template(AlertKind kind) {
        return switch (kind) {
            case REMINDER, OVERDUE_REMINDER -> "indicator-report-reminder";
            case OVERDUE -> "indicator-report-overdue";
            case ESCALATION_TO_HEAD, ESCALATION_TO_LEADER -> "indicator-report-escalation";
        };
    }

    private static Map<String, Object> model(Report report, String title, DeadlineAlert alert) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("title", title);
        model.put("deadline", report.dueAt());
        model.put("unitCode", report.unitCode());
        int overdueDays = alert.kind() == AlertKind.REMINDER ? 0 : alert.occurrence() - 1;
        model.put("overdueDays", overdueDays);
        if (overdueDays > 0) {
            model.put("overdue", true);
        }
        return model;
    }
}
