package vn.dieuhanh.indicator.internal.reporting;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The watcher's delegates under the names the BPMN uses. */
@Configuration(proxyBeanMethods = false)
class ReportAlertBeans {

    @Bean
    JavaDelegate planReportAlerts(ReportAlertDelegates delegates) {
        return delegates.plan();
    }

    @Bean
    JavaDelegate selectDueReportAlert(ReportAlertDelegates delegates) {
        return delegates.selectDue();
    }

    @Bean
    JavaDelegate sendDueReportAlert(ReportAlertDelegates delegates) {
        return delegates.sendDue();
    }

    @Bean
    JavaDelegate planNextReportAlert(ReportAlertDelegates delegates) {
        return delegates.planNext();
    }

    /** For running instances of versions deployed before the alert chain was modelled. */
    @Bean
    JavaDelegate sendReportAlert(ReportAlertDelegates delegates) {
        return delegates.send();
    }
}
