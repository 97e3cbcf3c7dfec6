package vn.dieuhanh.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitKind;

/** The Vietnamese texts: every template renders, with the deadline written the Vietnamese way. */
class NotificationTemplatesTest {

    final NotificationTemplates templates = new NotificationTemplates();
    final OrganisationDirectory directory = mock(OrganisationDirectory.class);
    final OutboxService outbox = new OutboxService(null, templates, directory, List.of(), java.time.Clock.systemUTC());

    {
        when(directory.official("phuong-ban-co.chutich")).thenReturn(Optional.of(new Official("phuong-ban-co.chutich",
                "Nguyễn Văn An", "an@example.vn", "phuong-ban-co", null, Role.HEAD)));
        when(directory.unit("phuong-ban-co")).thenReturn(Optional.of(new Unit("phuong-ban-co", "Phường Bàn Cờ",
                UnitKind.values()[0], null)));
    }

    /** The model as the outbox completes it for a recipient: name, unit name, deadline in Vietnamese. */
    private NotificationTemplates.Rendered render(String template, NotificationKind kind, Map<String, Object> values) {
        Map<String, Object> model = outbox.model(new Notification("k", kind, "a-1", List.of("phuong-ban-co.chutich"),
                template, values), "phuong-ban-co.chutich");
        return templates.render(template, model);
    }

    private static Map<String, Object> assignment() {
        Map<String, Object> model = new HashMap<>();
        model.put("title", "Kiểm tra trật tự đô thị");
        model.put("unitCode", "phuong-ban-co");
        // end of Monday 9 March 2026 in Vietnam, given as a UTC instant
        model.put("deadline", OffsetDateTime.parse("2026-03-09T16:59:59Z"));
        return model;
    }

    @Test
    void reminderNamesTheTaskTheUnitAndTheDeadlineTheVietnameseWay() {
        NotificationTemplates.Rendered text = render("reminder", NotificationKind.REMINDER, assignment());
        assertThat(text.subject())
                .isEqualTo("[Nhắc việc] Kiểm tra trật tự đô thị: hạn xử lý hết ngày 09/03/2026 (thứ Hai)");
        assertThat(text.body()).startsWith("Kính gửi Nguyễn Văn An,\n\n")
                .contains("Nhiệm vụ \"Kiểm tra trật tự đô thị\" giao cho Phường Bàn Cờ sắp đến hạn xử lý.")
                .contains("Thời hạn: hết ngày 09/03/2026 (thứ Hai).");
    }

    @Test
    void deadlineWithATimeOfDayKeepsTheHour() {
        Map<String, Object> model = assignment();
        model.put("deadline", OffsetDateTime.parse("2026-03-06T16:30:00+07:00"));
        assertThat(render("reminder", NotificationKind.REMINDER, model).body())
                .contains("Thời hạn: 16 giờ 30 ngày 06/03/2026 (thứ Sáu).");
    }

    @Test
    void overdueTemplatesCountTheDays() {
        Map<String, Object> model = assignment();
        model.put("overdueDays", 3);
        assertThat(render("overdue", NotificationKind.OVERDUE, model).subject())
                .isEqualTo("[Quá hạn] Kiểm tra trật tự đô thị: đã quá hạn xử lý hết ngày 09/03/2026 (thứ Hai)");
        assertThat(render("overdue-reminder", NotificationKind.OVERDUE_REMINDER, model).body())
                .contains("đã quá hạn 3 ngày làm việc (thời hạn: hết ngày 09/03/2026 (thứ Hai))");
        model.put("holderName", "Trần Thị Bình");
        assertThat(render("escalation", NotificationKind.ESCALATION, model).body())
                .contains("quá hạn 3 ngày làm việc").contains("hiện do Trần Thị Bình xử lý")
                .contains("Đề nghị đồng chí xem xét, chỉ đạo.");
    }

    @Test
    void overdueDigestListsEveryItemWithUnitDeadlineDaysAndLink() {
        Map<String, Object> model = new HashMap<>();
        model.put("day", "10/03/2026");
        model.put("count", 2);
        model.put("items", List.of(
                Map.of("title", "Rà soát hộ nghèo", "unitName", "Phường Bàn Cờ",
                        "deadline", "hết ngày 03/03/2026 (thứ Ba)", "overdueDays", 5, "link", "/viec/NV-1"),
                Map.of("title", "Báo cáo trật tự đô thị", "unitName", "Phường Bàn Cờ",
                        "deadline", "16 giờ 30 ngày 06/03/2026 (thứ Sáu)", "overdueDays", 2, "link", "/viec/NV-3")));
        NotificationTemplates.Rendered text = render("overdue-digest", NotificationKind.OVERDUE_DIGEST, model);
        assertThat(text.subject()).isEqualTo("[Tổng hợp việc quá hạn] 2 việc quá hạn ngày 10/03/2026");
        assertThat(text.body()).startsWith("Kính gửi Nguyễn Văn An,\n\n")
                .contains("Đến ngày 10/03/2026, đồng chí còn 2 việc đã quá hạn")
                .contains("- \"Rà soát hộ nghèo\" (Phường Bàn Cờ): thời hạn hết ngày 03/03/2026 (thứ Ba), quá hạn 5 ngày"
                        + " làm việc. Xem: /viec/NV-1\n")
                .contains("- \"Báo cáo trật tự đô thị\" (Phường Bàn Cờ): thời hạn 16 giờ 30 ngày 06/03/2026 (thứ Sáu),"
                        + " quá hạn 2 ngày làm việc. Xem: /viec/NV-3\n");
        assertThat(NotificationKind.OVERDUE_DIGEST.label()).isEqualTo("Tổng hợp việc quá hạn");
    }

    @Test
    void messageQuotesTheSenderAndTheTextWithoutEscaping() {
        Map<String, Object> model = assignment();
        model.put("sender", "Lê Văn Cường");
        model.put("text", "Đề nghị gửi số liệu <trước> 15 giờ & báo cáo");
        NotificationTemplates.Rendered text = render("message", NotificationKind.MESSAGE, model);
        assertThat(text.subject()).isEqualTo("[Trao đổi] Lê Văn Cường về nhiệm vụ \"Kiểm tra trật tự đô thị\"");
        assertThat(text.body()).contains("\"Đề nghị gửi số liệu <trước> 15 giờ & báo cáo\"");
    }

    @Test
    void nudgeWithAndWithoutANote() {
        Map<String, Object> model = assignment();
        model.put("sender", "Chủ tịch UBND TP");
        model.put("text", "Khẩn trương hoàn thành trong tuần");
        assertThat(render("nudge", NotificationKind.NUDGE, model).body())
                .contains("Chủ tịch UBND TP nhắc đồng chí về nhiệm vụ \"Kiểm tra trật tự đô thị\" giao cho Phường Bàn Cờ, "
                        + "thời hạn hết ngày 09/03/2026 (thứ Hai).")
                .contains("Ý kiến chỉ đạo: \"Khẩn trương hoàn thành trong tuần\"");
        model.remove("text");
        assertThat(render("nudge", NotificationKind.NUDGE, model).body()).doesNotContain("Ý kiến chỉ đạo");
    }

    @Test
    void unknownTemplateIsRefused() {
        assertThat(templates.exists("../application")).isFalse();
        assertThatThrownBy(() -> templates.render("khong-co", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("khong-co");
    }
}
