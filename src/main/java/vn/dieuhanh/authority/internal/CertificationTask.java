package vn.dieuhanh.authority.internal;

/**
 * One of the 13 certification tasks (authority/certification-tasks.csv).
 *
 * @param group        COPY_SIGNATURE or CONTRACT (document 2997/UBND-NCPC)
 * @param registerBook the certification register book (BAN_SAO, CHU_KY, HOP_DONG)
 * @param sameDay      the same-day rule applies (else {@code workingDays} working days)
 * @param confirmed    yes / partial / no: whether the wording is confirmed by the file's public source
 */
record CertificationTask(String code, int clause, String name, String legalBasis, String group, String registerBook,
                         boolean sameDay, int workingDays, String confirmed) {

    static final String COPY_SIGNATURE = "COPY_SIGNATURE";
    static final String CONTRACT = "CONTRACT";

    boolean isContract() {
        return CONTRACT.equals(group);
    }
}
