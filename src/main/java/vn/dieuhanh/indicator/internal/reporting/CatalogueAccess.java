package vn.dieuhanh.indicator.internal.reporting;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import vn.dieuhanh.indicator.IndicatorCatalogue;

/**
 * The indicator catalogue, looked up when needed rather than at start-up: the catalogue implementation is built on
 * another branch, and the application (demo, H2 tests) must start without it. Without a catalogue, opening a campaign
 * or validating a report fails with a clear message (an incident, or a 500 naming the cause).
 */
@Component
class CatalogueAccess {

    private final ObjectProvider<IndicatorCatalogue> catalogue;

    CatalogueAccess(ObjectProvider<IndicatorCatalogue> catalogue) {
        this.catalogue = catalogue;
    }

    IndicatorCatalogue get() {
        IndicatorCatalogue found = catalogue.getIfAvailable();
        if (found == null) {
            throw new ReportingExceptions.CatalogueMissing();
        }
        return found;
    }
}
