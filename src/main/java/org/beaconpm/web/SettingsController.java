package org.beaconpm.web;

import org.beaconpm.access.UserAccounts;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The settings page: every administration page the user's roles open, and what each is for. */
@Controller
class SettingsController {

    private final ShellAdvice shell;

    SettingsController(ShellAdvice shell) {
        this.shell = shell;
    }

    @GetMapping(ShellAdvice.SETTINGS)
    String settings(Model model) {
        model.addAttribute(
                "pages",
                UserAccounts.current()
                        .map(user -> shell.settingsOpenTo(user.roles()))
                        .orElse(java.util.List.of()));
        return "settings";
    }
}
