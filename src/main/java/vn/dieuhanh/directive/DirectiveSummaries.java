package vn.dieuhanh.directive;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * A directive as other capabilities may show it (the chat's cards): number, summary, where it stands and its lead
 * deadline, for the authenticated caller only if he may read the directive ({@code GET /api/directives/{id}} applies
 * the same rule: City PC leaders, the City PC Office, administrators, its registrar and assigner, and the officials of
 * the units it was assigned to or sent to for information).
 */
public interface DirectiveSummaries {

    /** The directive if it exists and the engine's authenticated caller may read it, else empty. */
    Optional<DirectiveSummary> visibleToCaller(String directiveId);

    /**
     * @param statusLabel Vietnamese: "Chưa giao xử lý", "Đang xử lý trong hạn", "Đang xử lý quá hạn", "Đã kết thúc"
     * @param deadline    the lead unit's deadline (null before it is assigned)
     */
    record DirectiveSummary(String id, String documentNumber, String summary, String statusLabel,
                            OffsetDateTime deadline, boolean closed) {
    }
}
