package vn.dieuhanh.dossier.internal;

import java.time.Instant;
import vn.dieuhanh.dossier.DossierStatus;

/** A row of {@code dos_dossier}. */
public record DossierRecord(long id, String code, String secretHash, String procedureCode, String receptionPoint,
                            String unitCode, DossierStatus status, Instant receivedAt, String receivedBy,
                            int statutoryMinutes, Instant appointmentAt, Instant firstAppointmentAt,
                            Integer remainingMinutes, Instant pausedAt, Instant decidedAt, Instant returnedAt,
                            boolean late, int apologies, String outcome, String reason, boolean returnByPost,
                            String applicantName, String applicantContact, String papers,
                            String processInstanceId) {
}
