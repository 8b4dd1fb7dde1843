package org.beaconpm.targets;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.RuleBroken;
import org.beaconpm.platform.StaleEdit;

/**
 * A target as recorded: for one indicator, period and breakdown, its figure (or range), baseline and rationale, who
 * set it, and the portfolio holder's sign-off. It guards its own changes: each needs the version that was read, a
 * change of a signed-off target withdraws the sign-off (visibly, with who and when), and every change is kept as a
 * {@link TargetChange}.
 */
public final class Target {

    /** A sign-off withdrawn, by whom and when. */
    public record Withdrawal(Long by, Instant at) {}

    private final long id;
    private final long organisationId;
    private final long indicatorId;
    private final Period period;
    private final Long areaId;
    private final Long groupId;
    private org.beaconpm.assessment.Target figure;
    private BigDecimal baseline;
    private String rationale;
    private Long setBy;
    private Instant setAt;
    private Long signedOffBy;
    private Instant signedOffAt;
    private Withdrawal withdrawal;
    private int version;
    private final int storedVersion;
    private final List<TargetChange> changes = new ArrayList<>();

    Target(
            long id,
            long organisationId,
            long indicatorId,
            Period period,
            Long areaId,
            Long groupId,
            org.beaconpm.assessment.Target figure,
            BigDecimal baseline,
            String rationale,
            Long setBy,
            Instant setAt,
            Long signedOffBy,
            Instant signedOffAt,
            Withdrawal withdrawal,
            int version) {
        this.id = id;
        this.organisationId = organisationId;
        this.indicatorId = indicatorId;
        this.period = period;
        this.areaId = areaId;
        this.groupId = groupId;
        this.figure = figure;
        this.baseline = baseline;
        this.rationale = rationale;
        this.setBy = setBy;
        this.setAt = setAt;
        this.signedOffBy = signedOffBy;
        this.signedOffAt = signedOffAt;
        this.withdrawal = withdrawal;
        this.version = version;
        this.storedVersion = version;
    }

    /** A new target, not yet stored. */
    static Target create(long organisationId, long indicatorId, Targets.Entry entry, Long by, Instant at) {
        Target target = new Target(
                0,
                organisationId,
                indicatorId,
                entry.period(),
                entry.areaId(),
                entry.groupId(),
                entry.target(),
                entry.baseline(),
                entry.rationale().strip(),
                by,
                at,
                null,
                null,
                null,
                0);
        target.changes.add(target.change(TargetChange.Kind.SET, by, at, null, null, null));
        return target;
    }

    /**
     * Sets the figure, baseline and rationale. Nothing changes when they are the same as now; otherwise the version
     * moves on, and a signed-off target loses its sign-off.
     *
     * @param read the version that was read; null when none was, which is stale for a target that exists
     * @return whether anything changed
     * @throws StaleEdit if the target is no longer at the version that was read
     */
    public boolean set(Targets.Entry entry, Integer read, Long by, Instant at) {
        if (!entry.period().equals(period)
                || !Objects.equals(entry.areaId(), areaId)
                || !Objects.equals(entry.groupId(), groupId)) {
            throw new IllegalArgumentException("The entry is for another target");
        }
        requireVersion(read);
        String newRationale = entry.rationale().strip();
        if (same(figure, entry.target()) && same(baseline, entry.baseline()) && rationale.equals(newRationale)) {
            return false;
        }
        org.beaconpm.assessment.Target figureBefore = figure;
        BigDecimal baselineBefore = baseline;
        String rationaleBefore = rationale;
        figure = entry.target();
        baseline = entry.baseline();
        rationale = newRationale;
        setBy = by;
        setAt = at;
        version++;
        changes.add(change(TargetChange.Kind.CHANGED, by, at, figureBefore, baselineBefore, rationaleBefore));
        if (isSignedOff()) {
            withdraw(by, at, TargetChange.Kind.SIGN_OFF_WITHDRAWN_AS_CHANGED);
        }
        return true;
    }

    /**
     * The portfolio holder's sign-off. Whether the signer may sign it off is the policy's to decide, before this.
     *
     * @throws StaleEdit if the target is no longer at the version that was read
     * @throws RuleBroken if it is signed off already
     */
    public void signOff(int read, long by, Instant at) {
        requireVersion(read);
        if (isSignedOff()) {
            throw new RuleBroken("targets", "The target for " + period.label() + " is already signed off");
        }
        signedOffBy = by;
        signedOffAt = at;
        withdrawal = null;
        version++;
        changes.add(change(TargetChange.Kind.SIGNED_OFF, by, at, null, null, null));
    }

    /**
     * Withdraws the sign-off by hand, so the target needs signing off again.
     *
     * @throws StaleEdit if the target is no longer at the version that was read
     * @throws RuleBroken if it is not signed off
     */
    public void withdrawSignOff(int read, long by, Instant at) {
        requireVersion(read);
        if (!isSignedOff()) {
            throw new RuleBroken("targets", "The target for " + period.label() + " is not signed off");
        }
        version++;
        withdraw(by, at, TargetChange.Kind.SIGN_OFF_WITHDRAWN);
    }

    private void withdraw(Long by, Instant at, TargetChange.Kind kind) {
        signedOffBy = null;
        signedOffAt = null;
        withdrawal = new Withdrawal(by, at);
        changes.add(change(kind, by, at, null, null, null));
    }

    private void requireVersion(Integer read) {
        if (read == null || read != version) {
            throw new StaleEdit("The target for " + period.label());
        }
    }

    private TargetChange change(
            TargetChange.Kind kind,
            Long by,
            Instant at,
            org.beaconpm.assessment.Target before,
            BigDecimal baselineBefore,
            String rationaleBefore) {
        return new TargetChange(
                organisationId,
                indicatorId,
                period,
                areaId,
                groupId,
                kind,
                by,
                at,
                before,
                baselineBefore,
                rationaleBefore,
                figure,
                baseline,
                rationale,
                version);
    }

    /** The changes made since the target was read or created, oldest first; the store keeps them with it. */
    List<TargetChange> changes() {
        return List.copyOf(changes);
    }

    boolean isNew() {
        return id == 0;
    }

    /** The version the store holds, which an update must still find there. */
    int storedVersion() {
        return storedVersion;
    }

    public long id() {
        return id;
    }

    long organisationId() {
        return organisationId;
    }

    public long indicatorId() {
        return indicatorId;
    }

    public Period period() {
        return period;
    }

    public Long areaId() {
        return areaId;
    }

    public Long groupId() {
        return groupId;
    }

    /** The figure: a single target, or a range. */
    public org.beaconpm.assessment.Target target() {
        return figure;
    }

    public BigDecimal baseline() {
        return baseline;
    }

    public String rationale() {
        return rationale;
    }

    public Long setBy() {
        return setBy;
    }

    /** When it was last set, in the server's time zone, as the API has always given it. */
    public LocalDateTime setAt() {
        return LocalDateTime.ofInstant(setAt, ZoneId.systemDefault());
    }

    Instant setAtInstant() {
        return setAt;
    }

    public Long signedOffBy() {
        return signedOffBy;
    }

    public LocalDate signedOffOn() {
        return signedOffAt == null ? null : LocalDate.ofInstant(signedOffAt, ZoneId.systemDefault());
    }

    Instant signedOffAt() {
        return signedOffAt;
    }

    /** The sign-off withdrawn since it was last signed off, if it was. */
    public Optional<Withdrawal> withdrawal() {
        return Optional.ofNullable(withdrawal);
    }

    public int version() {
        return version;
    }

    public boolean isSignedOff() {
        return signedOffBy != null;
    }

    /** A target for the whole of the indicator, not for an area or a population group. */
    public boolean isOverall() {
        return areaId == null && groupId == null;
    }

    private static boolean same(org.beaconpm.assessment.Target one, org.beaconpm.assessment.Target other) {
        return same(one.low(), other.low())
                && same(one.high(), other.high())
                && (one instanceof org.beaconpm.assessment.Target.Range)
                        == (other instanceof org.beaconpm.assessment.Target.Range);
    }

    private static boolean same(BigDecimal one, BigDecimal other) {
        return one == null ? other == null : other != null && one.compareTo(other) == 0;
    }
}
