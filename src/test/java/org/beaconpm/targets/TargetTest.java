package org.beaconpm.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;
import org.junit.jupiter.api.Test;

class TargetTest {

    private static final Instant MAY = Instant.parse("2025-05-05T10:00:00Z");
    private static final Instant JUNE = Instant.parse("2025-06-02T09:30:00Z");
    private static final long SETTER = 11;
    private static final long SIGNER = 12;

    @Test
    void aChangeNeedsTheVersionThatWasRead() {
        Target target = stored(0);

        assertThatThrownBy(() -> target.set(entry("96", "Family group median"), null, SETTER, JUNE))
                .isInstanceOf(StaleEdit.class);
        assertThatThrownBy(() -> target.set(entry("96", "Family group median"), 1, SETTER, JUNE))
                .isInstanceOf(StaleEdit.class)
                .hasMessageStartingWith("The target for 2025/26 was changed by someone else");
        assertThat(target.version()).isZero();
        assertThat(target.changes()).isEmpty();
    }

    @Test
    void settingTheSameFiguresChangesNothing() {
        Target target = stored(0);

        assertThat(target.set(entry("97.000", "Family group median "), 0, SETTER, JUNE))
                .isFalse();
        assertThat(target.version()).isZero();
        assertThat(target.changes()).isEmpty();
    }

    @Test
    void changingASignedOffTargetWithdrawsItsSignOffVisibly() {
        Target target = stored(0);
        target.signOff(0, SIGNER, MAY);

        assertThat(target.set(entry("98", "Top quartile"), 1, SETTER, JUNE)).isTrue();

        assertThat(target.isSignedOff()).isFalse();
        assertThat(target.version()).isEqualTo(2);
        assertThat(target.withdrawal()).contains(new Target.Withdrawal(SETTER, JUNE));
        assertThat(target.changes())
                .extracting(TargetChange::kind)
                .containsExactly(
                        TargetChange.Kind.SIGNED_OFF,
                        TargetChange.Kind.CHANGED,
                        TargetChange.Kind.SIGN_OFF_WITHDRAWN_AS_CHANGED);
        TargetChange change = target.changes().get(1);
        assertThat(change.before().low()).isEqualByComparingTo("97");
        assertThat(change.after().low()).isEqualByComparingTo("98");
        assertThat(change.rationaleBefore()).isEqualTo("Family group median");
        assertThat(change.rationaleAfter()).isEqualTo("Top quartile");
        assertThat(change.version()).isEqualTo(2);
    }

    @Test
    void aSignOffNeedsTheVersionThatWasReadAndHappensOnce() {
        Target target = stored(3);

        assertThatThrownBy(() -> target.signOff(2, SIGNER, MAY)).isInstanceOf(StaleEdit.class);
        target.signOff(3, SIGNER, MAY);
        assertThat(target.isSignedOff()).isTrue();
        assertThat(target.version()).isEqualTo(4);
        assertThatThrownBy(() -> target.signOff(4, SIGNER, MAY))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("The target for 2025/26 is already signed off");
    }

    @Test
    void aSignOffIsWithdrawnByHandOnlyWhenThereIsOne() {
        Target target = stored(0);
        assertThatThrownBy(() -> target.withdrawSignOff(0, SIGNER, MAY))
                .isInstanceOf(RuleBroken.class)
                .hasMessage("The target for 2025/26 is not signed off");

        target.signOff(0, SIGNER, MAY);
        target.withdrawSignOff(1, SIGNER, JUNE);

        assertThat(target.isSignedOff()).isFalse();
        assertThat(target.withdrawal()).contains(new Target.Withdrawal(SIGNER, JUNE));
        assertThat(target.changes())
                .extracting(TargetChange::kind)
                .last()
                .isEqualTo(TargetChange.Kind.SIGN_OFF_WITHDRAWN);
    }

    @Test
    void aNewTargetRecordsThatItWasSet() {
        Target target = Target.create(1, 7, entry("97", "Family group median"), SETTER, MAY);

        assertThat(target.isNew()).isTrue();
        assertThat(target.changes()).singleElement().satisfies(change -> {
            assertThat(change.kind()).isEqualTo(TargetChange.Kind.SET);
            assertThat(change.before()).isNull();
            assertThat(change.after().low()).isEqualByComparingTo("97");
        });
    }

    private static Target stored(int version) {
        return new Target(
                5,
                1,
                7,
                Period.financialYear(2025),
                null,
                null,
                org.beaconpm.assessment.Target.of(new BigDecimal("97.000000")),
                null,
                "Family group median",
                SETTER,
                MAY,
                null,
                null,
                null,
                version);
    }

    private static Targets.Entry entry(String figure, String rationale) {
        return new Targets.Entry(
                Period.financialYear(2025),
                null,
                null,
                org.beaconpm.assessment.Target.of(new BigDecimal(figure)),
                null,
                rationale);
    }
}
