package vn.dieuhanh.organisation.internal;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Brings the directory up to date once every bean (the engine and Flyway included) exists and before the web server
 * takes requests: reference files, groups, access policy, then demo accounts in the demo profile.
 */
@Component
class DirectoryStartup implements SmartInitializingSingleton {

    private final DirectoryImporter importer;
    private final CamundaAccessPolicy accessPolicy;
    private final ObjectProvider<DemoAccounts> demoAccounts;

    DirectoryStartup(DirectoryImporter importer, CamundaAccessPolicy accessPolicy,
                     ObjectProvider<DemoAccounts> demoAccounts) {
        this.importer = importer;
        this.accessPolicy = accessPolicy;
        this.demoAccounts = demoAccounts;
    }

    @Override
    public void afterSingletonsInstantiated() {
        importer.importReferenceData(ReferenceData.load());
        accessPolicy.apply();
        demoAccounts.ifAvailable(DemoAccounts::ensure);
    }
}
