package vn.dieuhanh.assignment.internal;

import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.assignment.AssignmentDeadlines;
import vn.dieuhanh.notification.AssignmentParticipants;
import vn.dieuhanh.assignment.TrailEventKind;

/** The assignment's participants and its trail, for the notification capability (conversations, nudges). */
@Service
class AssignmentParticipantsService implements AssignmentParticipants {

    private final AssignmentReadModel readModel;
    private final AssignmentRepository repository;

    AssignmentParticipantsService(AssignmentReadModel readModel, AssignmentRepository repository) {
        this.readModel = readModel;
        this.repository = repository;
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
                AssignmentDeadlines.now().atOffset(ZoneOffset.UTC));
    }
}
