package vn.dieuhanh.organisation;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** The officials with these ids, by id (unknown ids are absent), in a few statements whatever their number. */
    default Map<String, Official> officialsById(Collection<String> userIds) {
        Map<String, Official> result = new LinkedHashMap<>();
        for (String userId : userIds) {
            official(userId).ifPresent(official -> result.put(userId, official));
        }
        return result;
    }
}
