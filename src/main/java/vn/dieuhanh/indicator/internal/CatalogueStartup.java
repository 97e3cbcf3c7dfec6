package vn.dieuhanh.indicator.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * Imports the indicator files once every bean (Flyway included) exists, before the web server takes requests. When
 * two nodes start at once on one database, one of them may lose the race to insert a new version (a unique key
 * violation rolls its import back): it imports again and then finds the version already there.
 */
@Component
class CatalogueStartup implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(CatalogueStartup.class);

    private final CatalogueImporter importer;
    private final String location;

    CatalogueStartup(CatalogueImporter importer,
                     @Value("${dieuhanh.indicators.location:classpath:indicator/}") String location) {
        this.importer = importer;
        this.location = location;
    }

    @Override
    public void afterSingletonsInstantiated() {
        try {
            importer.importFrom(location);
        } catch (DataIntegrityViolationException e) {
            log.info("Another node imported the indicator files at the same time; importing again ({})",
                    e.getMostSpecificCause().getMessage());
            importer.importFrom(location);
        }
    }
}
