package vn.dieuhanh.workspace.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import vn.dieuhanh.organisation.CurrentOfficial;

/** Việc của tôi ({@code /}): everything waiting for the official or his unit. */
@Controller
class HomeController {

    @GetMapping("/")
    String myWork(CurrentOfficial me, Model model) {
        model.addAttribute("nav", "viec-cua-toi");
        return "workspace/my-work";
    }
}
