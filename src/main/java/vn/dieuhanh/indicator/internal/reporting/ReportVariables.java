package vn.dieuhanh.indicator.internal.reporting;

import static vn.dieuhanh.indicator.internal.reporting.IndicatorReportProcess.*;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Typed access to the variables of an {@code indicator-report} instance (names and meaning in
 * {@link IndicatorReportProcess}), so the steps read like the model: no casts, no variable names at the call site.
 */
record ReportVariables(VariableScope scope) {

    static ReportVariables of(VariableScope scope) {
        return new ReportVariables(scope);
    }

    String reportId() {
        return text(VAR_REPORT_ID);
    }

    String reportTitle() {
        return text(VAR_REPORT_TITLE);
    }

    Instant dueAt() {
        return moment(VAR_DUE_AT);
    }

    Instant openedAt() {
        return moment(VAR_OPENED_AT);
    }

    /** Who completed the last task, noted by {@code ${rememberReportActor}}. */
    String lastActor() {
        return text(VAR_LAST_ACTOR);
    }

    /** The head's choice as the form or REST sent it ({@code approve}/{@code reject}, or a boolean). */
    Object reportDecision() {
        return scope.getVariable(VAR_REPORT_DECISION);
    }

    String decisionReason() {
        return text(VAR_DECISION_REASON);
    }

    void opened(String unitCode, String period, String title, Instant dueAt, String dueText, Instant openedAt,
                String reviewer) {
        scope.setVariable(VAR_UNIT_CODE, unitCode);
        scope.setVariable(VAR_PERIOD, period);
        scope.setVariable(VAR_REPORT_TITLE, title);
        scope.setVariable(VAR_DUE_AT, Date.from(dueAt));
        scope.setVariable(VAR_DUE_TEXT, dueText);
        scope.setVariable(VAR_OPENED_AT, Date.from(openedAt));
        scope.setVariable(VAR_REVIEWER, reviewer);
    }

    /** The unit sent it: who decides, what they read; the head's form starts without an earlier return reason. */
    void submitted(String reviewer, String summary, String actor) {
        scope.setVariable(VAR_REVIEWER, reviewer);
        scope.setVariable(VAR_REPORT_SUMMARY, summary);
        scope.setVariable(VAR_LAST_ACTOR, actor);
        scope.setVariable(VAR_DECISION_REASON, null);
    }

    /** The head decided: the gateway's input; the next decision starts empty. */
    void decided(boolean approved, String actor) {
        scope.setVariable(VAR_REPORT_APPROVED, approved);
        scope.setVariable(VAR_LAST_ACTOR, actor);
        scope.setVariable(VAR_REPORT_DECISION, null);
    }

    void rememberActor(String actor) {
        scope.setVariable(VAR_LAST_ACTOR, actor);
    }

    private String text(String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    private Instant moment(String name) {
        return scope.getVariable(name) instanceof Date date ? date.toInstant() : null;
    }
}
