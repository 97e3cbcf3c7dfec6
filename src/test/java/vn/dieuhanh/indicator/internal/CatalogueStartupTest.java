package vn.dieuhanh.indicator.internal;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

class CatalogueStartupTest {

    @Test
    void aNodeThatLosesTheRaceToInsertAVersionImportsAgain() {
        CatalogueImporter importer = mock(CatalogueImporter.class);
        when(importer.importFrom("classpath:indicator/"))
                .thenThrow(new DuplicateKeyException("ind_catalogue_version_pkey"))
                .thenReturn(new CatalogueImporter.ImportResult(0, 0, "2026.1"));

        new CatalogueStartup(importer, "classpath:indicator/").afterSingletonsInstantiated();

        verify(importer, times(2)).importFrom("classpath:indicator/");
    }
}
