package org.beaconpm.organisation;

import java.time.LocalDate;

/** A group within a population dimension, such as "65 and over" within "Age band". */
public record PopulationGroup(long id, long dimensionId, String code, String name, LocalDate retiredOn, int version) {}
