package vn.dieuhanh.indicator.internal;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Imports the indicator files once every bean (Flyway included) exists, before the web server takes requests. */
@Component
class CatalogueStartup implements SmartInitializingSingleton {

    private final CatalogueImporter importer;
    private final String location;

    CatalogueStartup(CatalogueImporter importer,
                     @Value("${dieuhanh.indicators.location:classpath:indicator/}") String location) {
        this.importer = importer;
        this.location = location;
    }

    @Override
    public void afterSingletonsInstantiated() {
        importer.importFrom(location);
    }
}
