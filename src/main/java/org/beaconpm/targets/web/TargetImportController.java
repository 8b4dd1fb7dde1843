package org.beaconpm.targets.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.targets.Targets;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Importing targets from CSV, checked whole, all or nothing. */
@Controller
class TargetImportController {

    private final Targets targets;

    TargetImportController(Targets targets) {
        this.targets = targets;
    }

    @GetMapping("/targets/import")
    String importForm(Model model) {
        return page(List.of(), model);
    }

    @PostMapping("/targets/import")
    String importFile(
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @AuthenticationPrincipal SignedInUser user,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return page(List.of(new FormError("file", "Choose a CSV file")), model);
        }
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute("summary", targets.importTargets(reader, dryRun, user.id()));
        } catch (ImportRefused refused) {
            model.addAttribute("refused", refused);
        }
        return page(List.of(), model);
    }

    private static String page(List<FormError> errors, Model model) {
        model.addAttribute("errors", errors);
        return "targets/import";
    }
}
