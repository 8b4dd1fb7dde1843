package org.beaconpm.platform;

import java.util.List;

/**
 * A form or request refused because of every listed field error, so that all of them can be shown at once; as a
 * {@link RuleBroken} it names the first.
 */
public class EntryRefused extends RuleBroken {

    private final transient List<FormError> errors;

    public EntryRefused(List<FormError> errors) {
        super(errors.get(0).field(), errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<FormError> errors() {
        return errors;
    }
}
