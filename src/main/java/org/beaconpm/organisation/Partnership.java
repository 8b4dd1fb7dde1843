package org.beaconpm.organisation;

import java.time.LocalDate;
import java.util.List;

/** A named set of organisations that shares plans and indicators, such as an LSP or LAA. */
public record Partnership(
        long id,
        String code,
        String name,
        String description,
        LocalDate retiredOn,
        int version,
        List<Long> organisationIds) {}
