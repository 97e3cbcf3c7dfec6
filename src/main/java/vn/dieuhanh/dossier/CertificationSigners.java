package vn.dieuhanh.dossier;

import java.util.Optional;

/**
 * Who signs a dossier's result. The extension point for delegated signing authority (issue 17, capability
 * {@code authority}): a bean of this type there replaces the default, which routes every signature to the competent
 * unit's head (the ward chairman for ward procedures).
 */
public interface CertificationSigners {

    /**
     * @param procedureCode  the catalogue code, e.g. {@code CT-01}
     * @param certification  whether the procedure is one of the 13 certification procedures
     * @param unitCode       the competent unit
     * @return the signer's user id; empty when nobody is registered (the unit's officials then see the task)
     */
    Optional<String> signerFor(String procedureCode, boolean certification, String unitCode);
}
