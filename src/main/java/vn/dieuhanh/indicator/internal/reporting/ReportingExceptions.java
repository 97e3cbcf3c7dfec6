package vn.dieuhanh.indicator.internal.reporting;

import java.util.Map;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

/** What the reporting API answers besides success: subtypes of the platform's user errors (400, 404, 403, 409). */
final class ReportingExceptions {

    private ReportingExceptions() {
    }

    /** Input the caller can fix (400). */
    static class ReportInputException extends InputRejected {
        ReportInputException(String message) {
            super(message);
        }
    }

    /** Values refused by the catalogue's rules (400), one Vietnamese message per indicator code. */
    static class ReportValidationFailed extends InputRejected {
        private final Map<String, String> problems;

        ReportValidationFailed(Map<String, String> problems) {
            super("Báo cáo chưa hợp lệ, chưa được lưu: " + String.join("; ", problems.entrySet().stream()
                    .map(e -> e.getKey().isEmpty() ? e.getValue() : e.getKey() + ": " + e.getValue()).toList()));
            this.problems = Map.copyOf(problems);
        }

        @Override
        public Map<String, String> problems() {
            return problems;
        }
    }

    static class ReportNotFound extends NotFound {
        ReportNotFound(String what) {
            super("Không tìm thấy " + what + " (not found, or not yours to see)");
        }
    }

    static class ReportForbidden extends Forbidden {
        ReportForbidden(String message) {
            super(message);
        }
    }

    /** The report is not in a state for this step (409). */
    static class ReportConflict extends Conflict {
        ReportConflict(String message) {
            super(message);
        }
    }
}
