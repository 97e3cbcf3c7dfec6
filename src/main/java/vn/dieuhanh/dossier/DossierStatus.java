package vn.dieuhanh.dossier;

/**
 * A dossier's status, with the label the citizen sees and the national public service portal's status it is
 * reported as (the portal's synchronisation codes, see docs/dossiers.md for the mapping and what is unconfirmed).
 */
public enum DossierStatus {
    /** Received at a reception point, not yet taken up by the competent unit. */
    RECEIVED("Đã tiếp nhận", 2),
    /** Transferred to and being handled by the competent unit. */
    IN_PROGRESS("Đang xử lý", 4),
    /** The unit asked for more papers: the clock is paused until they arrive. */
    SUPPLEMENT_REQUESTED("Chờ bổ sung hồ sơ", 5),
    /** The result is signed and waits at the reception point. */
    RESULT_READY("Đã có kết quả, chờ trả", 9),
    /** Handling stopped with a signed refusal stating the reasons; the notice waits at the reception point. */
    REFUSED("Từ chối giải quyết", 8),
    /** The result (or refusal notice) was handed over or posted to the applicant. */
    RETURNED("Đã trả kết quả", 10);

    private final String label;
    private final int portalCode;

    DossierStatus(String label, int portalCode) {
        this.label = label;
        this.portalCode = portalCode;
    }

    public String label() {
        return label;
    }

    /** The national portal's status code this status is reported as. */
    public int portalCode() {
        return portalCode;
    }
}
