package org.beaconpm.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BasketScorePropertiesTest {

    private static final ScoringScheme STANDARD = ScoringScheme.STANDARD;

    @Property
    void aNodeWhoseRatedMembersAreAllGreenIsGreenWithScore100(
            @ForAll @Size(min = 1, max = 8) List<@From("weights") BigDecimal> greenWeights,
            @ForAll @Size(max = 8) List<@From("weights") BigDecimal> unratedWeights) {
        List<BasketMember> members = new ArrayList<>();
        greenWeights.forEach(weight -> members.add(new BasketMember(weight, BasketStatus.GREEN)));
        unratedWeights.forEach(weight -> members.add(new BasketMember(weight, BasketStatus.NONE)));

        BasketScore score = BasketScore.of(members, STANDARD);

        assertThat(score.score()).isEqualByComparingTo("100");
        assertThat(score.status()).isEqualTo(BasketStatus.GREEN);
    }

    @Property
    void raisingAMembersStatusNeverLowersTheNodesScore(
            @ForAll @Size(min = 1, max = 10) List<@From("members") BasketMember> members,
            @ForAll @IntRange(max = 9) int which,
            @ForAll("schemes") ScoringScheme scheme) {
        int index = which % members.size();
        BasketMember member = members.get(index);
        Assume.that(member.status() == BasketStatus.AMBER || member.status() == BasketStatus.RED);
        List<BasketMember> raised = new ArrayList<>(members);
        raised.set(
                index,
                new BasketMember(
                        member.weight(), BasketStatus.values()[member.status().ordinal() - 1]));

        assertThat(BasketScore.of(raised, scheme).score())
                .isGreaterThanOrEqualTo(BasketScore.of(members, scheme).score());
    }

    @Property
    void raisingARatedMembersStatusNeverLowersTheNodesStatus(
            @ForAll @Size(min = 1, max = 10) List<@From("members") BasketMember> members,
            @ForAll @IntRange(max = 9) int which,
            @ForAll("schemes") ScoringScheme scheme) {
        int index = which % members.size();
        BasketMember member = members.get(index);
        Assume.that(member.status() == BasketStatus.AMBER || member.status() == BasketStatus.RED);
        List<BasketMember> raised = new ArrayList<>(members);
        raised.set(
                index,
                new BasketMember(
                        member.weight(), BasketStatus.values()[member.status().ordinal() - 1]));

        assertThat(BasketScore.of(raised, scheme).status())
                .isLessThanOrEqualTo(BasketScore.of(members, scheme).status());
    }

    @Property
    void changingAWeightMovesTheScoreMonotonicallyTowardsThatMembersScore(
            @ForAll @Size(min = 1, max = 10) List<@From("members") BasketMember> members,
            @ForAll @IntRange(max = 9) int which,
            @ForAll("weights") BigDecimal first,
            @ForAll("weights") BigDecimal second,
            @ForAll("weights") BigDecimal third,
            @ForAll("schemes") ScoringScheme scheme) {
        int index = which % members.size();
        BasketStatus status = members.get(index).status();
        Assume.that(status.isRated());
        BigDecimal memberScore = scheme.points(status);
        List<BigDecimal> ascending =
                List.of(first, second, third).stream().sorted().toList();

        List<BigDecimal> distances = new ArrayList<>();
        for (BigDecimal weight : ascending) {
            List<BasketMember> weighted = new ArrayList<>(members);
            weighted.set(index, new BasketMember(weight, status));
            distances.add(BasketScore.of(weighted, scheme)
                    .score()
                    .subtract(memberScore)
                    .abs());
        }

        assertThat(distances.get(1)).isLessThanOrEqualTo(distances.get(0));
        assertThat(distances.get(2)).isLessThanOrEqualTo(distances.get(1));
    }

    @Property
    void theScoreStaysOnTheSameSideOfTheMembersScoreAsTheWeightChanges(
            @ForAll @Size(min = 2, max = 10) List<@From("members") BasketMember> members,
            @ForAll("weights") BigDecimal lighter,
            @ForAll("weights") BigDecimal heavier,
            @ForAll("schemes") ScoringScheme scheme) {
        BasketStatus status = members.get(0).status();
        Assume.that(status.isRated() && lighter.compareTo(heavier) < 0);
        BigDecimal memberScore = scheme.points(status);
        List<BasketMember> light = new ArrayList<>(members);
        light.set(0, new BasketMember(lighter, status));
        List<BasketMember> heavy = new ArrayList<>(members);
        heavy.set(0, new BasketMember(heavier, status));

        BigDecimal before = BasketScore.of(light, scheme).score();
        BigDecimal after = BasketScore.of(heavy, scheme).score();

        // the heavier weight lies between the lighter weight's score and the member's own
        assertThat(after).isBetween(before.min(memberScore), before.max(memberScore));
    }

    @Property
    void unratedMembersChangeCoverageNeverTheScore(
            @ForAll @Size(max = 10) List<@From("members") BasketMember> members,
            @ForAll("weights") BigDecimal unratedWeight,
            @ForAll("schemes") ScoringScheme scheme) {
        List<BasketMember> more = new ArrayList<>(members);
        more.add(new BasketMember(unratedWeight, BasketStatus.NONE));

        BasketScore before = BasketScore.of(members, scheme);
        BasketScore after = BasketScore.of(more, scheme);

        if (before.score() == null) {
            assertThat(after.score()).isNull();
        } else {
            assertThat(after.score()).isEqualByComparingTo(before.score());
        }
        assertThat(after.status()).isEqualTo(before.status());
        assertThat(after.coverage()).isLessThanOrEqualTo(before.coverage());
        if (before.ratedWeight().signum() > 0) {
            assertThat(after.coverage()).isLessThan(before.coverage());
        }
    }

    @Property
    void coverageIsTheRatedWeightOverTheTotalWeight(
            @ForAll @Size(min = 1, max = 10) List<@From("members") BasketMember> members) {
        BigDecimal rated = members.stream()
                .filter(m -> m.status().isRated())
                .map(BasketMember::weight)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal total = members.stream().map(BasketMember::weight).reduce(BigDecimal.ZERO, BigDecimal::add);

        BasketScore score = BasketScore.of(members, STANDARD);

        assertThat(score.coverage()).isBetween(BigDecimal.ZERO, BigDecimal.ONE);
        assertThat(score.coverage().multiply(total).subtract(rated).abs()).isLessThan(new BigDecimal("0.000001"));
        assertThat(score.score() == null).isEqualTo(rated.signum() == 0);
    }

    @Property
    void theStatusFollowsTheThresholds(@ForAll @Size(min = 1, max = 10) List<@From("members") BasketMember> members) {
        BasketScore score = BasketScore.of(members, STANDARD);
        Assume.that(score.score() != null);

        BasketStatus expected = score.score().compareTo(BigDecimal.valueOf(80)) >= 0
                ? BasketStatus.GREEN
                : score.score().compareTo(BigDecimal.valueOf(50)) >= 0 ? BasketStatus.AMBER : BasketStatus.RED;
        assertThat(score.status()).isEqualTo(expected);
    }

    @Provide
    Arbitrary<BigDecimal> weights() {
        return Arbitraries.bigDecimals()
                .between(new BigDecimal("0.1"), BigDecimal.valueOf(20))
                .ofScale(1);
    }

    @Provide
    Arbitrary<BasketMember> members() {
        return weights()
                .flatMap(weight -> Arbitraries.of(BasketStatus.class).map(status -> new BasketMember(weight, status)));
    }

    @Provide
    Arbitrary<ScoringScheme> schemes() {
        Arbitrary<Integer> points = Arbitraries.integers().between(0, 100);
        return points.list().ofSize(5).map(five -> {
            List<Integer> scores = five.subList(0, 3).stream().sorted().toList();
            List<Integer> thresholds = five.subList(3, 5).stream().sorted().toList();
            return new ScoringScheme(
                    BigDecimal.valueOf(scores.get(2)),
                    BigDecimal.valueOf(scores.get(1)),
                    BigDecimal.valueOf(scores.get(0)),
                    BigDecimal.valueOf(thresholds.get(1)),
                    BigDecimal.valueOf(thresholds.get(0)));
        });
    }
}
