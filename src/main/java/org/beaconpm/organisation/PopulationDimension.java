package org.beaconpm.organisation;

import java.time.LocalDate;
import java.util.List;

/** A way of splitting a population, such as age band, sex, ethnicity or disability, with its groups. */
public record PopulationDimension(
        long id, String code, String name, LocalDate retiredOn, int version, List<PopulationGroup> groups) {}
