package vn.dieuhanh.organisation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Separation of duties: who decides on work a unit's official submitted (a result, a report, a correction, an
 * explanation, an extension request). Nobody decides on what they submitted themselves; when the usual decider did,
 * the decision goes to another eligible person of the unit (its head, then a deputy head) and, where the unit has
 * none, one level up: the head of the parent unit, and so on to the City People's Committee.
 */
@Component
public class Approvers {

    private final OrganisationDirectory directory;

    public Approvers(OrganisationDirectory directory) {
        this.directory = directory;
    }

    /** The usual decider unless they submitted the work themselves; then the next eligible person, as above. */
    public Optional<String> deciderFor(String usualDecider, String unitCode, String submitter) {
        if (usualDecider != null && !usualDecider.equals(submitter)) {
            return Optional.of(usualDecider);
        }
        return eligibleIn(unitCode, submitter).stream().findFirst();
    }

    /** The unit's own deciders (head, then deputies) other than the submitter, else those of the units above. */
    public List<String> eligibleIn(String unitCode, String submitter) {
        Set<String> visited = new LinkedHashSet<>();
        for (String code = unitCode; code != null && visited.add(code); code = parentOf(code)) {
            List<String> deciders = new ArrayList<>();
            directory.head(code).map(Official::userId).ifPresent(deciders::add);
            directory.officials(code).stream().filter(o -> o.role() == Role.DEPUTY).map(Official::userId)
                    .forEach(deciders::add);
            if (parentOf(code) == null) { // the City People's Committee: its chair and vice-chairs
                directory.officials(code).stream().filter(o -> o.role() == Role.LEADER).map(Official::userId)
                        .forEach(deciders::add);
            }
            deciders.removeIf(userId -> userId.equals(submitter));
            if (!deciders.isEmpty()) {
                return List.copyOf(new LinkedHashSet<>(deciders));
            }
        }
        return List.of();
    }

    private String parentOf(String unitCode) {
        return directory.unit(unitCode).map(Unit::parentCode).filter(p -> !p.isBlank()).orElse(null);
    }
}
