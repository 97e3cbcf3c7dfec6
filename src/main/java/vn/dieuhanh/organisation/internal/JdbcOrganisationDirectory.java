package vn.dieuhanh.organisation.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitKind;

@Service
class JdbcOrganisationDirectory implements OrganisationDirectory {

    private final DirectoryRepository repository;

    JdbcOrganisationDirectory(DirectoryRepository repository) {
        this.repository = repository;
    }

    @Override
    public List<Unit> units(Optional<UnitKind> kind) {
        return kind.map(repository::activeUnits).orElseGet(repository::activeUnits);
    }

    @Override
    public Optional<Unit> unit(String code) {
        return repository.unit(code);
    }

    @Override
    public List<Unit> children(String unitCode) {
        return repository.children(unitCode);
    }

    @Override
    public List<Division> divisions(String unitCode) {
        return repository.divisions(unitCode);
    }

    @Override
    public List<Official> officials(String unitCode) {
        return repository.officials(unitCode);
    }

    @Override
    public Optional<Official> head(String unitCode) {
        return repository.officials(unitCode).stream().filter(o -> o.role() == Role.HEAD).findFirst();
    }

    @Override
    public Optional<Official> official(String userId) {
        return repository.official(userId);
    }

    @Override
    public java.util.Map<String, Official> officialsById(java.util.Collection<String> userIds) {
        java.util.Map<String, Official> result = new java.util.LinkedHashMap<>();
        repository.officials(userIds).forEach(official -> result.put(official.userId(), official));
        return result;
    }
}
