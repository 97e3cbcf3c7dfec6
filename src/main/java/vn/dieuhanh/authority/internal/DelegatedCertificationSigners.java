package vn.dieuhanh.authority.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dieuhanh.authority.internal.AuthorityRepository.ActiveGrant;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.dossier.CertificationSigners;

/**
 * Who signs a certification dossier ({@code dossier}'s extension point, replacing its default "the unit head"): in a
 * ward, a civil servant holding a delegation that is signed, not revoked, not awaiting a new chairman's confirmation,
 * inside its period today (HCMC) and covers the dossier's procedure (mapped to one of the 13 tasks by the column
 * {@code dossier_procedures} of certification-tasks.csv; a contract item only while the ward's contract certification
 * has not moved to notaries); otherwise the ward's chairman (the recorded one after a change, else the directory's
 * unit head). Every other procedure and unit: the chairman or unit head, as before. The dossier asks again when the
 * signature is recorded, so a delegation revoked or expired in between no longer lets its delegate sign.
 */
@Component
class DelegatedCertificationSigners implements CertificationSigners {

    private final CertificationTasks tasks;
    private final AuthorityRepository repository;
    private final WardOffice office;
    private final Clock clock;

    DelegatedCertificationSigners(CertificationTasks tasks, AuthorityRepository repository, WardOffice office,
                                  Clock clock) {
        this.tasks = tasks;
        this.repository = repository;
        this.office = office;
        this.clock = clock;
    }

    @Override
    public Optional<String> signerFor(String procedureCode, boolean certification, String unitCode) {
        if (!office.isWard(unitCode)) {
            return office.head(unitCode);
        }
        if (certification) {
            Optional<String> delegate = tasks.forDossierProcedure(procedureCode)
                    .filter(task -> !task.isContract() || !office.contractsMovedToNotary(unitCode))
                    .flatMap(task -> repository.activeGrants(unitCode, task.code(), today()).stream().findFirst())
                    .map(ActiveGrant::userId);
            if (delegate.isPresent()) {
                return delegate;
            }
        }
        return office.chairman(unitCode);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
    }
}
