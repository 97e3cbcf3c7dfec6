package vn.dieuhanh.workspace.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.platform.WebPage;

/** Việc của tôi ({@code /}) and Việc đã giao ({@code /da-giao}). */
@Controller
@WebPage
class WorkPagesController {

    private final MyWork work;

    WorkPagesController(MyWork work) {
        this.work = work;
    }

    @GetMapping("/")
    String myWork(CurrentOfficial me, Model model) {
        model.addAttribute("rows", work.waitingFor(me));
        return "workspace/my-work";
    }

    @GetMapping("/da-giao")
    String assigned(CurrentOfficial me, Model model) {
        model.addAttribute("rows", work.assignedBy(me));
        return "workspace/assigned";
    }
}
