package vn.dieuhanh.dossier.internal;

import java.security.SecureRandom;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dieuhanh.dossier.CertificationSigners;
import vn.dieuhanh.organisation.OrganisationDirectory;

@Configuration(proxyBeanMethods = false)
class DossierConfiguration {

    @Bean
    @ConditionalOnMissingBean(CertificationSigners.class)
    CertificationSigners chairmanSigners(OrganisationDirectory directory) {
        return new ChairmanSigners(directory);
    }

    @Bean
    DossierCodes dossierCodes() {
        return new DossierCodes(new SecureRandom());
    }
}
