package org.beaconpm.targets;

import java.util.List;
import org.beaconpm.platform.StaleEdit;

/**
 * A sign-off of many targets at once refused because some of them changed (or were added, or signed off) after the
 * signer read them; nothing was signed off. As a {@link StaleEdit} the API answers it with 409.
 */
public class SignOffOutdated extends StaleEdit {

    private final String message;

    SignOffOutdated(List<String> changed) {
        super("These targets");
        String listed = changed.size() <= 5
                ? String.join(", ", changed)
                : String.join(", ", changed.subList(0, 5)) + " and " + (changed.size() - 5) + " more";
        this.message = (changed.size() == 1
                        ? "The target " + listed + " changed after you read it"
                        : changed.size() + " targets changed after you read them: " + listed)
                + ". Nothing was signed off. Read the targets again, then sign off.";
    }

    @Override
    public String getMessage() {
        return message;
    }
}
