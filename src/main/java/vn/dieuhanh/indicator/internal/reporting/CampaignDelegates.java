package vn.dieuhanh.indicator.internal.reporting;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The campaign process's service tasks, by bean name: {@code ${listReportingUnits}}, {@code ${closeIndicatorCampaign}}. */
@Configuration(proxyBeanMethods = false)
class CampaignDelegates {

    @Bean
    JavaDelegate listReportingUnits(CampaignService campaigns) {
        return execution -> {
            String campaignId = (String) execution.getVariable(IndicatorReportingProcess.VAR_CAMPAIGN_ID);
            execution.setVariable(IndicatorReportingProcess.VAR_REPORT_IDS,
                    new ArrayList<>(campaigns.createReports(campaignId)));
        };
    }

    @Bean
    JavaDelegate closeIndicatorCampaign(CampaignService campaigns) {
        return execution -> campaigns.close((String) execution.getVariable(IndicatorReportingProcess.VAR_CAMPAIGN_ID));
    }
}
