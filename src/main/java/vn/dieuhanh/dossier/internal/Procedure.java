package vn.dieuhanh.dossier.internal;

import java.time.Duration;
import java.util.List;

/**
 * One administrative procedure of the catalogue ({@code dossier/procedures-<version>.csv}).
 *
 * @param competence     {@code kind:local} (the ward, commune or special zone chosen at reception) or {@code unit:<code>}
 * @param statutoryTime  the statutory handling time in working time (a working day is 8 working hours)
 * @param feeVnd         null when set by the City People's Council (see {@code feeNote})
 * @param anywhere       receivable at any reception point regardless of territory
 * @param certification  one of the 13 certification procedures (chứng thực)
 * @param papers         the required papers: the reception checklist
 * @param unconfirmed    what public sources could not confirm
 */
public record Procedure(String code, String nationalCode, String name, String field, String competence,
                        Duration statutoryTime, String timeText, Long feeVnd, String feeNote, boolean anywhere,
                        boolean certification, List<String> papers, String unconfirmed) {

    static final String LOCAL = "kind:local";

    boolean local() {
        return LOCAL.equals(competence);
    }

    /** The competent unit's code when the catalogue names one. */
    String fixedUnit() {
        return competence.startsWith("unit:") ? competence.substring("unit:".length()) : null;
    }
}
