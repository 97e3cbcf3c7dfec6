package vn.dieuhanh.assignment.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import vn.dieuhanh.platform.EngineAsSystem;
import vn.dieuhanh.assignment.AssignmentLifecycleProcess;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.notification.AssignmentParticipants;
import vn.dieuhanh.assignment.TrailEventKind;

/** The assignment's participants and its trail, for the notification capability (conversations, nudges). */
@Service
class AssignmentParticipantsService implements AssignmentParticipants {

    private final AssignmentReadModel readModel;
    private final AssignmentRepository repository;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final Clock clock;

    AssignmentParticipantsService(AssignmentReadModel readModel, AssignmentRepository repository,
                                  RuntimeService runtimeService, IdentityService identityService,
                                  Clock clock) {
        this.clock = clock;
        this.readModel = readModel;
        this.repository = repository;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    /**
     * Visibility was checked by the caller; officials hold no engine-wide right to update process instances, so the
     * variable is written without the caller's engine authentication.
     */
    @Override
    @Transactional
    public void showConversation(String assignmentId, String conversationText) {
        AssignmentRecord assignment = repository.get(assignmentId);
        if (!assignment.isOpen() || assignment.processInstanceId() == null) {
            return;
        }
        EngineAsSystem.run(identityService, () -> runtimeService.setVariable(assignment.processInstanceId(),
                AssignmentLifecycleProcess.VAR_CONVERSATION, conversationText));
    }

    @Override
    public Optional<Participants> visibleToCaller(String assignmentId) {
        return readModel.visible(assignmentId).map(a -> new Participants(a.id(), a.unitCode(), a.holderUser(),
                a.assignedBy(), a.reviewer(), a.title(), a.deadline(), a.isOpen()));
    }

    @Override
    @Transactional
    public void recordNudge(String assignmentId, String actor, String note) {
        repository.appendTrail(assignmentId, TrailEventKind.NUDGED, actor, null, note, null, null,
                OffsetDateTime.now(clock));
    }
}
