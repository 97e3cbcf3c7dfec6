package vn.dieuhanh.chat.internal;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dieuhanh.directive.DirectiveSummaries;
import vn.dieuhanh.indicator.IndicatorCatalogue;
import vn.dieuhanh.indicator.ReportSummaries;
import vn.dieuhanh.notification.AssignmentParticipants;

/**
 * Cards for the records a message links, resolved for the reader: an assignment he may see shows its title, status
 * and deadline, one he may not see shows nothing but that it is not visible to him; an indicator shows its name and
 * reporting frequency; a directive (number and summary) and a unit's indicator report (unit and period) show their
 * status and deadline, through their capabilities' readers with the rules of their own REST endpoints, or only that
 * they are not visible to the reader. Directives and reports have no page yet: their cards link the REST resource.
 */
@Component
class LinkCards {

    record Card(String kind, String id, String href, String title, String status, String deadline, boolean visible) {
    }

    private static final DateTimeFormatter DEADLINE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final AssignmentParticipants assignments;
    private final IndicatorCatalogue indicators;
    private final DirectiveSummaries directives;
    private final ReportSummaries reports;
    private final Clock clock;

    LinkCards(AssignmentParticipants assignments, IndicatorCatalogue indicators, DirectiveSummaries directives,
              ReportSummaries reports, Clock clock) {
        this.assignments = assignments;
        this.directives = directives;
        this.reports = reports;
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
            case DIRECTIVE -> directives.visibleToCaller(link.id()).map(d -> new Card("Văn bản chỉ đạo", link.id(),
                            "/api/directives/" + link.id(), directiveTitle(d), d.statusLabel(),
                            d.deadline() == null ? null : ChatService.local(d.deadline()).format(DEADLINE), true))
                    .orElseGet(() -> new Card("Văn bản chỉ đạo", link.id(), null,
                            "Văn bản chỉ đạo bạn không có quyền xem", null, null, false));
            case REPORT -> reports.visibleToCaller(link.id()).map(r -> new Card("Báo cáo chỉ tiêu", link.id(),
                            "/api/indicator-reports/" + link.id(), "Báo cáo " + r.periodLabel() + " của " + r.unitName(),
                            r.statusLabel(), r.dueAt().atZone(ChatService.VIETNAM).format(DEADLINE), true))
                    .orElseGet(() -> new Card("Báo cáo chỉ tiêu", link.id(), null,
                            "Báo cáo bạn không có quyền xem", null, null, false));
        };
    }

    private static String directiveTitle(DirectiveSummaries.DirectiveSummary d) {
        if (d.documentNumber() == null || d.documentNumber().isBlank()) {
            return d.summary();
        }
        return d.summary() == null || d.summary().isBlank() ? d.documentNumber()
                : d.documentNumber() + ": " + d.summary();
    }
}
