package vn.dieuhanh.authority.internal;

/**
 * One of the 13 certification tasks (authority/certification-tasks.csv).
 *
 * @param group        COPY_SIGNATURE or CONTRACT (document 2997/UBND-NCPC)
 * @param registerBook the certification register book (BAN_SAO, CHU_KY, HOP_DONG)
 * @param sameDay      the same-day rule applies (else {@code workingDays} working days)
 * @param confirmed    yes / partial / no: whether the wording is confirmed by the file's public source
 * @param dossierProcedures the codes of the dossier catalogue's procedures this task covers (may be empty)
 */
record CertificationTask(String code, int clause, String name, String legalBasis, String group, String registerBook,
                         boolean sameDay, int workingDays, String confirmed, java.util.List<String> dossierProcedures) {

    static final String COPY_SIGNATURE = "COPY_SIGNATURE";
    static final String CONTRACT = "CONTRACT";

    CertificationTask {
        dossierProcedures = java.util.List.copyOf(dossierProcedures);
    }

    boolean isContract() {
        return CONTRACT.equals(group);
    }
}
