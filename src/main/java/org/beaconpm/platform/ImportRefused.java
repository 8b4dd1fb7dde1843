package org.beaconpm.platform;

import java.util.List;

/** A whole file refused because of the listed errors; nothing from it was written. */
public class ImportRefused extends RuntimeException {

    private final transient List<ImportError> errors;

    public ImportRefused(List<ImportError> errors) {
        super(errors.size() + (errors.size() == 1 ? " error" : " errors") + " in the file; nothing was imported");
        this.errors = List.copyOf(errors);
    }

    public List<ImportError> errors() {
        return errors;
    }
}
