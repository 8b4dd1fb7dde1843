package org.beaconpm.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.IndicatorStatus;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.UnitVisibility;
import org.beaconpm.performance.Performance;
import org.beaconpm.periods.Period;
import org.beaconpm.periods.PeriodType;
import org.beaconpm.platform.RuleBroken;
import org.springframework.stereotype.Service;

/**
 * Builds scorecards: the active indicators in the reader's scope, each as {@link Performance} rates it as at the
 * scorecard's period, kept until something they are built from changes.
 */
@Service
public class Scorecards {

    private final Indicators indicators;
    private final Performance performance;
    private final OrganisationStructure structure;
    private final Clock clock;
    private final UnitVisibility visibility;
    private final ScorecardCache cache;

    Scorecards(
            Indicators indicators,
            Performance performance,
            OrganisationStructure structure,
            Clock clock,
            UnitVisibility visibility,
            ScorecardCache cache) {
        this.indicators = indicators;
        this.performance = performance;
        this.structure = structure;
        this.clock = clock;
        this.visibility = visibility;
        this.cache = cache;
    }

    /**
     * The latest month that has ended, today's if it ends today: what a scorecard shows unless asked for another
     * period, so that each indicator is at the period My data offers for it.
     */
    public Period defaultPeriod() {
        return defaultPeriod(LocalDate.now(clock));
    }

    static Period defaultPeriod(LocalDate today) {
        return Performance.latestEnded(PeriodType.MONTH, today);
    }

    /**
     * The scorecard of the active indicators the user may see, within a unit's subtree if one is given: built once,
     * then kept until something it is built from changes.
     *
     * @throws RuleBroken if the period has not ended yet: its figures cannot be known
     */
    public Scorecard scorecard(Period asAt, Long unitId) {
        return kept(asAt, unitId).scorecard();
    }

    /**
     * What {@code render} makes of the scorecard (such as its JSON), made once for each form and kept with the
     * scorecard for as long as it is kept.
     */
    public <T> T rendered(Period asAt, Long unitId, String form, Function<Scorecard, T> render) {
        return kept(asAt, unitId).rendering(form, render);
    }

    /** Refuses a period that has not ended, naming it and the latest that has. */
    public void requireEnded(Period asAt) {
        if (!performance.hasEnded(asAt)) {
            Period latest = Performance.latestEnded(asAt.type(), LocalDate.now(clock));
            throw new RuleBroken(
                    "period",
                    asAt.label() + " has not ended yet, so its figures are not known; choose a period that has"
                            + " ended, such as " + latest.label() + " (" + latest.code() + ")");
        }
    }

    private ScorecardCache.Kept kept(Period asAt, Long unitId) {
        requireEnded(asAt);
        var key = new ScorecardCache.Key(asAt, unitId, visibility.visibleUnitIds());
        return cache.get(key, () -> build(asAt, unitId));
    }

    private Scorecard build(Period asAt, Long unitId) {
        List<Indicator> inScope = indicators.visible();
        if (unitId != null) {
            Set<Long> subtree =
                    structure.subtrees(List.of(structure.unit(unitId).id()));
            inScope = inScope.stream()
                    .filter(i -> subtree.contains(i.owningUnitId()))
                    .toList();
        }
        inScope = inScope.stream()
                .filter(i -> i.status() == IndicatorStatus.ACTIVE)
                .toList();
        return new Scorecard(asAt, unitId, performance.asAt(inScope, asAt));
    }
}
