package org.beaconpm.access.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(
            @RequestParam(required = false) String error,
            @RequestParam(required = false) String locked,
            @RequestParam(required = false) String signedOut,
            Model model) {
        if (error != null) {
            model.addAttribute("problem", "The email address or password is not right.");
        }
        if (locked != null) {
            model.addAttribute(
                    "problem",
                    "There have been too many failed attempts to sign in with this email address."
                            + " Wait 15 minutes, then try again.");
        }
        model.addAttribute("signedOut", signedOut != null);
        return "login";
    }
}
