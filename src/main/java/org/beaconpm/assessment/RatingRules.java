package org.beaconpm.assessment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.beaconpm.periods.Period;

/**
 * The rating rules of one level (the corporate default, an organisation or an indicator) as versions by effective
 * date, so that changing a rule never recolours periods rated before it.
 */
public record RatingRules(List<Version> versions) {

    /**
     * A rule in force from its effective date until the next version's. A version without a rule (null) says that from
     * its date this level has no rule of its own, so the next less specific level's applies: how an indicator goes back
     * to its organisation's rule without recolouring the periods its own rule rated.
     */
    public record Version(LocalDate effectiveFrom, RatingRule rule) {

        public Version {
            Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        }

        /** From this date the level has no rule of its own. */
        public static Version withoutRule(LocalDate effectiveFrom) {
            return new Version(effectiveFrom, null);
        }

        public boolean hasRule() {
            return rule != null;
        }
    }

    /** Keeps the versions in order of effective date; two versions may not take effect on the same day. */
    public RatingRules {
        versions = versions.stream()
                .sorted(Comparator.comparing(Version::effectiveFrom))
                .toList();
        for (int i = 1; i < versions.size(); i++) {
            LocalDate date = versions.get(i).effectiveFrom();
            if (date.equals(versions.get(i - 1).effectiveFrom())) {
                throw new IllegalArgumentException("two rating rules take effect on " + date);
            }
        }
    }

    /** No rules at this level, so the next less specific level applies. */
    public static RatingRules none() {
        return new RatingRules(List.of());
    }

    public static RatingRules from(LocalDate effectiveFrom, RatingRule rule) {
        return new RatingRules(List.of(new Version(effectiveFrom, rule)));
    }

    /** {@link RatingRule#CORPORATE_DEFAULT}, in force for every period. */
    public static RatingRules corporateDefault() {
        return from(LocalDate.MIN, RatingRule.CORPORATE_DEFAULT);
    }

    /**
     * Adds a version taking effect on the given date.
     *
     * @throws IllegalArgumentException unless the date is after every existing version's, since an earlier one would
     *     rewrite history
     */
    public RatingRules changedOn(LocalDate effectiveFrom, RatingRule rule) {
        return with(new Version(effectiveFrom, Objects.requireNonNull(rule, "rule")));
    }

    /**
     * Adds a version from which this level has no rule of its own, so that the next less specific level's rule rates
     * the periods after it and this level's earlier versions still rate those before.
     *
     * @throws IllegalArgumentException unless the date is after every existing version's
     */
    public RatingRules clearedOn(LocalDate effectiveFrom) {
        return with(Version.withoutRule(effectiveFrom));
    }

    private RatingRules with(Version version) {
        LocalDate effectiveFrom = version.effectiveFrom();
        latest().ifPresent(latest -> {
            if (!effectiveFrom.isAfter(latest.effectiveFrom())) {
                throw new IllegalArgumentException("a rule changed on " + effectiveFrom
                        + " would rewrite history: the latest change takes effect on " + latest.effectiveFrom());
            }
        });
        List<Version> changed = new ArrayList<>(versions);
        changed.add(version);
        return new RatingRules(changed);
    }

    /** The rule in force on the date; empty before the first version, and while a version without a rule is. */
    public Optional<RatingRule> ruleOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        RatingRule inForce = null;
        for (Version version : versions) {
            if (version.effectiveFrom().isAfter(date)) {
                break;
            }
            inForce = version.rule();
        }
        return Optional.ofNullable(inForce);
    }

    /** The rule in force on the period's last day, so a rule changed on 1 April rates the year it starts. */
    public Optional<RatingRule> ruleFor(Period period) {
        return ruleOn(period.end());
    }

    /**
     * The rule for a period from the most specific level that has a version in force then: the indicator's, else its
     * organisation's, else the corporate one, else {@link RatingRule#CORPORATE_DEFAULT}.
     */
    public static RatingRule resolve(
            Period period, RatingRules indicatorRules, RatingRules organisationRules, RatingRules corporateRules) {
        Objects.requireNonNull(period, "period");
        return Stream.of(indicatorRules, organisationRules, corporateRules)
                .map(rules -> Objects.requireNonNull(rules, "rules").ruleFor(period))
                .flatMap(Optional::stream)
                .findFirst()
                .orElse(RatingRule.CORPORATE_DEFAULT);
    }

    private Optional<Version> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }
}
