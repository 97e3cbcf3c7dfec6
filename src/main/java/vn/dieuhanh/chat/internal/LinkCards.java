package vn.dieuhanh.chat.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dieuhanh.indicator.IndicatorCatalogue;
import vn.dieuhanh.notification.AssignmentParticipants;

/**
 * Cards for the records a message links, resolved for the reader: an assignment he may see shows its title, status
 * and deadline, one he may not see shows nothing but that it is not visible to him; an indicator shows its name and
 * reporting frequency. Directives and indicator reports are shown as links without details (their capabilities have
 * no reader API for other modules yet; docs/chat.md).
 */
@Component
class LinkCards {

    record Card(String kind, String id, String href, String title, String status, String deadline, boolean visible) {
    }

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final AssignmentParticipants assignments;
    private final IndicatorCatalogue indicators;
    private final Clock clock;

    LinkCards(AssignmentParticipants assignments, IndicatorCatalogue indicators, Clock clock) {
        this.assignments = assignments;
        this.indicators = indicators;
        this.clock = clock;
    }

    /** A resolver for one request: each record is looked up once. */
    Resolver resolver() {
        return new Resolver();
    }

    final class Resolver {
        private final Map<ChatText.Link, Card> cache = new HashMap<>();

        List<Card> cards(String text) {
            return ChatText.links(text).stream().limit(5).map(link -> cache.computeIfAbsent(link, LinkCards.this::card))
                    .toList();
        }
    }

    private Card card(ChatText.Link link) {
        return switch (link.kind()) {
            case ASSIGNMENT -> assignments.visibleToCaller(link.id()).map(p -> new Card("Nhiệm vụ", link.id(),
                            "/viec/" + link.id(), p.title(), !p.open() ? "Đã kết thúc"
                            : p.deadline() != null && p.deadline().toInstant().isBefore(clock.instant())
                            ? "Đang thực hiện quá hạn" : "Đang thực hiện trong hạn",
                            p.deadline() == null ? null : ChatService.local(p.deadline()).format(DEADLINE), true))
                    .orElseGet(() -> new Card("Nhiệm vụ", link.id(), null, "Nhiệm vụ bạn không có quyền xem", null,
                            null, false));
            case INDICATOR -> indicators.find(link.id()).map(i -> new Card("Chỉ tiêu", link.id(), "/chi-tieu",
                            i.name(), i.frequency().label(), null, true))
                    .orElseGet(() -> new Card("Chỉ tiêu", link.id(), null, "Không tìm thấy chỉ tiêu", null, null,
                            false));
            case DIRECTIVE -> new Card("Văn bản chỉ đạo", link.id(), null, link.id(), null, null, false);
            case REPORT -> new Card("Báo cáo chỉ tiêu", link.id(), null, link.id(), null, null, false);
        };
    }
}
