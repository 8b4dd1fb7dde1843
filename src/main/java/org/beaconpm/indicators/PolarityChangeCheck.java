package org.beaconpm.indicators;

import java.util.Optional;
import org.beaconpm.assessment.Polarity;

/**
 * Another module's say on a change of an indicator's polarity, asked before the change is saved: the targets module
 * refuses one that would leave targets the new polarity cannot rate. Implementations only read.
 */
public interface PolarityChangeCheck {

    /** Why {@code indicator} may not change from its polarity to {@code to}, in words for the person changing it. */
    Optional<String> refusal(Indicator indicator, Polarity to);
}
