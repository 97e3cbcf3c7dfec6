package vn.dieuhanh.organisation;

import java.util.List;
import java.util.Optional;

/** Read access to the organisation directory: units, their divisions and officials. */
public interface OrganisationDirectory {

    /** Active units, optionally of one kind, in reference-file order. */
    List<Unit> units(Optional<UnitKind> kind);

    Optional<Unit> unit(String code);

    List<Unit> children(String unitCode);

    List<Division> divisions(String unitCode);

    List<Official> officials(String unitCode);

    /** The head (thủ trưởng) of a unit, if one is registered. */
    Optional<Official> head(String unitCode);

    Optional<Official> official(String userId);
}
