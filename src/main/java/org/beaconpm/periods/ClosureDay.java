package org.beaconpm.periods;

import java.time.LocalDate;
import java.util.Objects;

/** A weekday on which the council does not work: a bank holiday, or a day it closes (between Christmas and New Year). */
public record ClosureDay(LocalDate day, String name, Kind kind) {

    public enum Kind {
        /** A bank holiday of England and Wales; those not in {@link BankHolidays} are added as settings. */
        BANK_HOLIDAY("Bank holiday"),
        /** A day the council itself closes. */
        CLOSURE("Council closed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public ClosureDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
