package org.beaconpm.reporting.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.platform.FormError;
import org.beaconpm.platform.ImportRefused;
import org.beaconpm.targets.Targets;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Importing targets from CSV, checked whole, all or nothing; beside the indicator pages that show them. */
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
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return page(List.of(new FormError("file", "Choose a CSV file")), model);
        }
        long userId = UserAccounts.current().map(SignedInUser::id).orElseThrow();
        try (var reader = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
            model.addAttribute("summary", targets.importTargets(reader, dryRun, userId));
        } catch (ImportRefused refused) {
            model.addAttribute("refused", refused);
        }
        return page(List.of(), model);
    }

    private static String page(List<FormError> errors, Model model) {
        model.addAttribute("kind", "targets");
        model.addAttribute("errors", errors);
        return "indicators/import";
    }
}
