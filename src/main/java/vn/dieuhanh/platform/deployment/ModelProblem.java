package vn.dieuhanh.platform.deployment;

import java.util.List;
import org.camunda.bpm.engine.Problem;

/** One refusal in one resource, in the engine's own problem shape (REST shows it under {@code details}). */
record ModelProblem(String elementId, Refusal refusal, String where, String value) implements Problem {

    @Override
    public String getMessage() {
        String detail = where == null ? "" : "; " + where + (value == null ? "" : "=\"" + value + "\"");
        return refusal.at(elementId) + detail;
    }

    @Override
    public int getLine() {
        return 0;
    }

    @Override
    public int getColumn() {
        return 0;
    }

    @Override
    public String getMainElementId() {
        return elementId;
    }

    @Override
    public List<String> getElementIds() {
        return elementId == null ? List.of() : List.of(elementId);
    }
}
