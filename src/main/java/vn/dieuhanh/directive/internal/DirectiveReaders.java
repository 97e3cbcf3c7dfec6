package vn.dieuhanh.directive.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import vn.dieuhanh.directive.DirectiveSummaries;
import vn.dieuhanh.directive.DocumentAcknowledgementProcess;
import vn.dieuhanh.platform.EngineAsSystem;
import vn.dieuhanh.platform.Roles;

/**
 * Who may read a directive: City PC leaders, the City PC Office and administrators (they register, assign and follow
 * directives city-wide), its registrar and assigner, and the officials of the units it concerns: those holding one of
 * its assignments (lead or coordinating, from {@code asg_assignment}) and those it was sent to for information (the
 * recipients of its acknowledgements, read from the engine's history as the system). Identity from the engine's
 * current authentication. {@code GET /api/directives/{id}} and the chat's cards both ask here.
 */
@Component
class DirectiveReaders implements DirectiveSummaries {

    private final DirectiveRepository repository;
    private final IdentityService identityService;
    private final HistoryService historyService;
    private final Clock clock;

    DirectiveReaders(DirectiveRepository repository, IdentityService identityService,
                     HistoryService historyService, Clock clock) {
        this.repository = repository;
        this.identityService = identityService;
        this.historyService = historyService;
        this.clock = clock;
    }

    /** The directive if it exists and the caller may read it. */
    Optional<DirectiveRepository.DirectiveRecord> readable(String directiveId) {
        if (directiveId == null) {
            return Optional.empty();
        }
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null) {
            return Optional.empty();
        }
        return repository.find(directiveId).filter(d -> mayRead(d, caller));
    }

    @Override
    public Optional<DirectiveSummary> visibleToCaller(String directiveId) {
        return readable(directiveId).map(d -> new DirectiveSummary(d.id(), d.documentNumber(), d.summary(),
                statusLabel(d), d.deadline(), d.closedAt() != null));
    }

    private String statusLabel(DirectiveRepository.DirectiveRecord d) {
        if (d.closedAt() != null) {
            return "Đã kết thúc";
        }
        if (d.assignedBy() == null) {
            return "Chưa giao xử lý";
        }
        return d.deadline() != null && d.deadline().toInstant().isBefore(clock.instant())
                ? "Đang xử lý quá hạn" : "Đang xử lý trong hạn";
    }

    private boolean mayRead(DirectiveRepository.DirectiveRecord d, Authentication caller) {
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (groups.contains(Roles.LEADER) || groups.contains(Roles.CITY_OFFICE) || Roles.isAdministrator(groups)
                || caller.getUserId().equals(d.registeredBy()) || caller.getUserId().equals(d.assignedBy())) {
            return true;
        }
        if (groups.isEmpty()) {
            return false;
        }
        if (repository.assignedUnits(d.id()).stream().anyMatch(groups::contains)) {
            return true;
        }
        return d.processInstanceId() != null && informedUnits(d.processInstanceId()).stream().anyMatch(groups::contains);
    }

    private List<String> informedUnits(String directiveInstanceId) {
        return EngineAsSystem.call(identityService, () -> {
            String[] acknowledgements = historyService.createHistoricProcessInstanceQuery()
                    .processDefinitionKey(DocumentAcknowledgementProcess.KEY)
                    .superProcessInstanceId(directiveInstanceId).list().stream()
                    .map(HistoricProcessInstance::getId).toArray(String[]::new);
            if (acknowledgements.length == 0) {
                return List.<String>of();
            }
            return historyService.createHistoricVariableInstanceQuery().processInstanceIdIn(acknowledgements)
                    .variableName(DocumentAcknowledgementProcess.VAR_RECIPIENT_UNIT).list().stream()
                    .map(HistoricVariableInstance::getValue).filter(v -> v != null).map(Object::toString).toList();
        });
    }
}
