package vn.dieuhanh.indicator.internal.reporting;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The campaign process's service tasks, by bean name: {@code ${listReportingUnits}}, {@code ${closeIndicatorCampaign}}. */
@Configuration(proxyBeanMethods = false)
class CampaignDelegates {

    @Bean
    JavaDelegate listReportingUnits(CampaignService campaigns) {
        return execution -> IndicatorReportingProcess.setReportIds(execution,
                campaigns.createReports(IndicatorReportingProcess.campaignId(execution)));
    }

    @Bean
    JavaDelegate closeIndicatorCampaign(CampaignService campaigns) {
        return execution -> campaigns.close(IndicatorReportingProcess.campaignId(execution));
    }
}
