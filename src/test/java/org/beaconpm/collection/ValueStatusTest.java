package org.beaconpm.collection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.beaconpm.collection.ValueStatus.APPROVED;
import static org.beaconpm.collection.ValueStatus.DRAFT;
import static org.beaconpm.collection.ValueStatus.LOCKED;
import static org.beaconpm.collection.ValueStatus.SUBMITTED;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.beaconpm.periods.Period;
import org.junit.jupiter.api.Test;

/** Every state against every transition: where each legal one leads, and the sentence each illegal one is refused with. */
class ValueStatusTest {

    private static final Map<String, UnaryOperator<ValueStatus>> TRANSITIONS = Map.of(
            "submit", ValueStatus::submit,
            "approve", ValueStatus::approve,
            "reject", ValueStatus::reject,
            "lock", ValueStatus::lock,
            "change", ValueStatus::change);

    /** For each transition and state: the state it leads to, or the refusal. */
    private static final Map<String, Map<ValueStatus, String>> TABLE = Map.of(
            "submit",
                    table(
                            "SUBMITTED",
                            "This value is submitted: it cannot be submitted; it is already waiting for approval",
                            "This value is approved: it cannot be submitted; it is already approved",
                            "This value is locked: it cannot be submitted"),
            "approve",
                    table(
                            "This value is a draft: it cannot be approved; it has to be submitted first",
                            "APPROVED",
                            "This value is approved: it cannot be approved; it is already approved",
                            "This value is locked: it cannot be approved"),
            "reject",
                    table(
                            "This value is a draft: it cannot be rejected; it has not been submitted",
                            "DRAFT",
                            "This value is approved: it cannot be rejected; it is already approved",
                            "This value is locked: it cannot be rejected"),
            "lock",
                    table(
                            "This value is a draft: it cannot be locked; it has to be approved first",
                            "This value is submitted: it cannot be locked; it has to be approved first",
                            "LOCKED",
                            "This value is locked: it cannot be locked; it is already locked"),
            "change", table("SUBMITTED", "SUBMITTED", "SUBMITTED", "This value is locked: it cannot be changed"));

    @Test
    void everyStateEitherMovesAsTheTableSaysOrIsRefusedWithItsReason() {
        TABLE.forEach((transition, outcomes) -> outcomes.forEach((from, expected) -> {
            UnaryOperator<ValueStatus> step = TRANSITIONS.get(transition);
            if (expected.startsWith("This value")) {
                assertThatThrownBy(() -> step.apply(from))
                        .as("%s from %s", transition, from)
                        .isInstanceOfSatisfying(IllegalTransition.class, refused -> {
                            assertThat(refused.getMessage()).isEqualTo(expected);
                            assertThat(refused.field()).isEqualTo("status");
                            assertThat(refused.from()).isEqualTo(from);
                        });
            } else {
                assertThat(step.apply(from))
                        .as("%s from %s", transition, from)
                        .isEqualTo(ValueStatus.valueOf(expected));
            }
        }));
    }

    @Test
    void theTableCoversEveryTransitionFromEveryState() {
        assertThat(TABLE.keySet()).isEqualTo(TRANSITIONS.keySet());
        TABLE.values()
                .forEach(outcomes -> assertThat(outcomes.keySet()).containsExactlyInAnyOrder(ValueStatus.values()));
    }

    @Test
    void aValueTakesItsStepsInOrderAndKeepsEverythingElse() {
        IndicatorValue entered = new IndicatorValue(
                7,
                3,
                Period.month(2025, 5),
                null,
                null,
                null,
                new BigDecimal("41.5"),
                null,
                null,
                "On track",
                SUBMITTED,
                11L,
                Instant.parse("2025-06-02T09:00:00Z"),
                2);

        IndicatorValue rejected = entered.reject();
        IndicatorValue locked = rejected.submit().approve().lock();

        assertThat(rejected.status()).isEqualTo(DRAFT);
        assertThat(locked.status()).isEqualTo(LOCKED);
        assertThat(locked.value()).isEqualTo(entered.value());
        assertThat(locked.narrative()).isEqualTo(entered.narrative());
        assertThat(locked.version()).isEqualTo(entered.version());
        assertThat(entered.status()).as("a copy changes, not the value").isEqualTo(SUBMITTED);
        assertThatThrownBy(locked::approve).hasMessage("This value is locked: it cannot be approved");
        assertThat(APPROVED.change()).isEqualTo(SUBMITTED);
    }

    private static Map<ValueStatus, String> table(String draft, String submitted, String approved, String locked) {
        Map<ValueStatus, String> outcomes = new EnumMap<>(ValueStatus.class);
        outcomes.put(DRAFT, draft);
        outcomes.put(SUBMITTED, submitted);
        outcomes.put(APPROVED, approved);
        outcomes.put(LOCKED, locked);
        return outcomes;
    }
}
