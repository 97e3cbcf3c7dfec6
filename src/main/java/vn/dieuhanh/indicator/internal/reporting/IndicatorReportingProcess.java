package vn.dieuhanh.indicator.internal.reporting;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Key, element ids and variables of {@code processes/indicator/indicator-reporting.bpmn} (one campaign per period). */
public final class IndicatorReportingProcess {

    public static final String KEY = "indicator-reporting";
    public static final String BUSINESS_KEY_PREFIX = "indicator-reporting:";

    public static final String START_CAMPAIGN_OPENED = "StartEvent_CampaignOpened";
    public static final String SERVICE_LIST_REPORTING_UNITS = "ServiceTask_ListReportingUnits";
    public static final String CALL_UNIT_REPORTS = "CallActivity_UnitReports";
    public static final String SERVICE_CLOSE_CAMPAIGN = "ServiceTask_CloseCampaign";
    public static final String END_CAMPAIGN_CLOSED = "EndEvent_CampaignClosed";

    /** The campaign row ({@code ind_campaign.id}). */
    public static final String VAR_CAMPAIGN_ID = "campaignId";
    /** The period label, e.g. {@code 2026-03}. */
    public static final String VAR_PERIOD = "period";
    /** The reports of the campaign, one per unit (a JSON list of ids); the call activity's collection. */
    public static final String VAR_REPORT_IDS = "reportIds";
    /** The element variable of the multi-instance call activity. */
    public static final String VAR_REPORT_ID = "reportId";

    /** Typed access to the campaign's variables. */
    static String campaignId(VariableScope scope) {
        return (String) scope.getVariable(VAR_CAMPAIGN_ID);
    }

    /** The reports the multi-instance call activity iterates over (a JSON list: no Java serialization). */
    static void setReportIds(VariableScope scope, List<String> reportIds) {
        scope.setVariable(VAR_REPORT_IDS, new ArrayList<>(reportIds));
    }

    private IndicatorReportingProcess() {
    }

    public static String businessKey(String period) {
        return BUSINESS_KEY_PREFIX + period;
    }
}
