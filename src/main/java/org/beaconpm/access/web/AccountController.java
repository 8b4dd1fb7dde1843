package org.beaconpm.access.web;

import java.util.List;
import org.beaconpm.access.ApiTokens;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.RuleBroken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own account: password and API tokens. */
@Controller
class AccountController {

    record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {}

    record TokenForm(String name) {}

    private final UserAccounts accounts;
    private final ApiTokens tokens;

    AccountController(UserAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedInUser user, Model model) {
        return page(user, model, List.of());
    }

    @PostMapping("/account/password")
    String changePassword(
            @AuthenticationPrincipal SignedInUser user, PasswordForm form, Model model, RedirectAttributes redirect) {
        try {
            if (form.newPassword() == null || !form.newPassword().equals(form.confirmPassword())) {
                throw new RuleBroken("confirmPassword", "The new passwords do not match");
            }
            accounts.changePassword(user.id(), form.currentPassword(), form.newPassword());
        } catch (RuleBroken broken) {
            return page(user, model, List.of(FormError.of(broken)));
        }
        redirect.addFlashAttribute("flash", "Your password has been changed");
        return "redirect:/account";
    }

    @PostMapping("/account/tokens")
    String issueToken(@AuthenticationPrincipal SignedInUser user, TokenForm form, Model model) {
        try {
            ApiTokens.Issued issued = tokens.issue(user.id(), form.name());
            model.addAttribute("issued", issued);
        } catch (RuleBroken broken) {
            return page(user, model, List.of(FormError.of(broken)));
        }
        return page(user, model, List.of());
    }

    @PostMapping("/account/tokens/{id}/revoke")
    String revokeToken(@AuthenticationPrincipal SignedInUser user, @PathVariable long id, RedirectAttributes redirect) {
        tokens.revoke(user.id(), id);
        redirect.addFlashAttribute("flash", "The token has been revoked");
        return "redirect:/account";
    }

    private String page(SignedInUser user, Model model, List<FormError> errors) {
        model.addAttribute("tokens", tokens.tokensOf(user.id()));
        model.addAttribute("errors", errors);
        model.addAttribute("minLength", 12);
        return "account/account";
    }
}
