package vn.dieuhanh.dossier.internal;

import java.util.Optional;
import vn.dieuhanh.dossier.CertificationSigners;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;

/**
 * The default {@link CertificationSigners}: the competent unit's head signs everything (the ward chairman for ward
 * procedures, certifications included). Registered by {@link DossierConfiguration} only when no other bean of the
 * type exists, so the signing delegations (capability {@code authority}) replace it by declaring theirs.
 */
class ChairmanSigners implements CertificationSigners {

    private final OrganisationDirectory directory;

    ChairmanSigners(OrganisationDirectory directory) {
        this.directory = directory;
    }

    @Override
    public Optional<String> signerFor(String procedureCode, boolean certification, String unitCode) {
        return directory.head(unitCode).map(Official::userId);
    }
}
