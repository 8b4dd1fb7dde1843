package org.beaconpm.browser;

import org.beaconpm.access.Role;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.access.UserAccounts;
import org.beaconpm.collection.ValueEntry;
import org.beaconpm.collection.Values;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.organisation.OrganisationStructure;
import org.beaconpm.organisation.OrganisationUnit;
import org.beaconpm.periods.Period;
import org.beaconpm.support.FixedClock;
import org.beaconpm.support.IndicatorFixtures;
import org.beaconpm.support.TestUsers;
import org.beaconpm.support.UnitFixtures;
import org.beaconpm.support.ValueFixtures;
import org.beaconpm.targets.Targets;

/**
 * An indicator of a council of its own, with an owner who enters its values and a councillor who reads them, for
 * browser tests that change data: they change this, and the demo council stays as it was loaded for the other tests.
 * {@link #due()} is the latest period that has ended on {@link FixedClock#TODAY}, which My data offers.
 */
record OwnIndicator(
        OrganisationUnit council, Indicator indicator, SignedInUser owner, SignedInUser councillor, Period due) {

    /** Creates a council, the indicator {@code definition} describes owned by it, and its two users. */
    static OwnIndicator create(
            OrganisationStructure structure,
            Indicators indicators,
            UserAccounts accounts,
            IndicatorFixtures.Builder definition) {
        OrganisationUnit council = UnitFixtures.council(structure, "BRW");
        Indicator indicator = indicators.create(definition.owner(council.code()).build());
        SignedInUser owner = TestUsers.holding(accounts, Role.INDICATOR_OWNER, council.id(), "Ola Owner");
        SignedInUser councillor = TestUsers.holding(accounts, Role.COUNCILLOR, council.id(), "Cllr Rowan Reader");
        Period due = Values.latestEnded(indicator.frequency().periodType(), FixedClock.TODAY);
        return new OwnIndicator(council, indicator, owner, councillor, due);
    }

    String code() {
        return indicator.code();
    }

    /** Sets the target of {@code period}. */
    OwnIndicator target(Targets targets, Period period, String target) {
        targets.set(indicator.id(), ValueFixtures.target(period, target), null);
        return this;
    }

    /** Enters a value as the owner. */
    OwnIndicator value(Values values, ValueEntry entry) {
        values.enter(indicator.id(), entry, null, owner.id());
        return this;
    }
}
