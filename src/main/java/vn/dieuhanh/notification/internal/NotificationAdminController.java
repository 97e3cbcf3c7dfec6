package vn.dieuhanh.notification.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.NotFound;

@RestController
@RequestMapping("/api/admin/notifications")
@Tag(name = "Quản trị thông báo", description = "Failed and retrying notification deliveries (administrators)")
class NotificationAdminController {

    private final OutboxRepository repository;
    private final IdentityService identityService;
    private final Clock clock;

    NotificationAdminController(OutboxRepository repository, IdentityService identityService, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.identityService = identityService;
    }

    @GetMapping("/failed")
    @Operation(summary = "Deliveries that failed for good (FAILED) or are retrying after a failure (PENDING with "
            + "attempts), newest first")
    List<OutboxRepository.DeliveryView> failed(@RequestParam(defaultValue = "200") int limit) {
        requireAdmin();
        return repository.troubled(Math.max(1, Math.min(limit, 1000)));
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Retry a FAILED delivery now, with a fresh count of attempts")
    OutboxRepository.DeliveryView retry(@PathVariable long id) {
        requireAdmin();
        OutboxRepository.DeliveryView delivery = repository.delivery(id)
                .orElseThrow(() -> new NotFound("No notification delivery " + id));
        if (!repository.retry(id, clock.instant())) {
            throw new Conflict("Delivery " + id + " is " + delivery.status()
                    + ", only FAILED deliveries can be retried");
        }
        return repository.delivery(id).orElse(delivery);
    }

    private void requireAdmin() {
        if (!Caller.of(identityService).isAdmin()) {
            throw new Forbidden("Only administrators may manage notification deliveries");
        }
    }
}
