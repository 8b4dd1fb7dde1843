package org.beaconpm.organisation;

import java.time.LocalDate;

/** A place that values and targets may be split by: a county, a district or a ward. */
public record Area(
        long id,
        Long parentId,
        String code,
        String name,
        AreaLevel level,
        LocalDate retiredOn,
        int version,
        int depth) {}
