package org.beaconpm.collection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.beaconpm.access.AccessPolicy;
import org.beaconpm.access.Action;
import org.beaconpm.audit.AuditTrail;
import org.beaconpm.indicators.Figures;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.RuleBroken;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Locking: a locked period's values are locked and cannot be entered or changed, unless an administrator has granted
 * a lock exception for the indicator and period; then each change needs a reason, which the audit trail keeps.
 * Locking a period and granting exceptions are for administrators.
 */
@Service
public class PeriodLocks {

    private final LockRows rows;
    private final Indicators indicators;
    private final AccessPolicy policy;
    private final AuditTrail audit;
    private final Clock clock;

    PeriodLocks(LockRows rows, Indicators indicators, AccessPolicy policy, AuditTrail audit, Clock clock) {
        this.rows = rows;
        this.indicators = indicators;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** The period's lock, if it is locked. */
    public Optional<PeriodLock> lockOf(Period period) {
        return rows.lock(period);
    }

    public List<PeriodLock> locks() {
        return rows.locks();
    }

    public List<LockException> exceptions() {
        return rows.exceptions();
    }

    public Optional<LockException> exception(long indicatorId, Period period) {
        return rows.exception(indicatorId, period);
    }

    /**
     * Locks a period: every value of it, whatever its state, becomes locked; how many values it locked.
     *
     * @throws RuleBroken if the period is locked already, or has not ended
     */
    @Transactional
    public int lock(Period period, Long by) {
        requireAdministrator("period " + period.code());
        if (period.end().isAfter(LocalDate.now(clock))) {
            throw new RuleBroken("period", period.label() + " has not ended: it cannot be locked yet");
        }
        Instant now = clock.instant();
        if (!rows.insertLock(period, by, now)) {
            throw new RuleBroken("period", period.label() + " is locked already");
        }
        int locked = rows.lockValues(period);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("period", period.code());
        after.put("valuesLocked", locked);
        audit.record("period-lock", period.code(), "lock", null, after);
        return locked;
    }

    /**
     * Grants leave to change one indicator's values of a locked period.
     *
     * @throws RuleBroken without a reason, or when the period is not locked or the exception is granted already
     */
    @Transactional
    public LockException grant(long indicatorId, Period period, String reason, Long by) {
        Indicator indicator = indicators.indicator(indicatorId);
        requireAdministrator("indicator " + indicator.code());
        if (reason == null || reason.isBlank()) {
            throw new RuleBroken("reason", "Give the reason for the lock exception");
        }
        if (rows.lock(period).isEmpty()) {
            throw new RuleBroken("period", period.label() + " is not locked: its values can be changed as they are");
        }
        if (!rows.insertException(indicatorId, period, reason.strip(), by, clock.instant())) {
            throw new RuleBroken("indicator", indicator.code() + " already has a lock exception for " + period.label());
        }
        audit.record(
                "lock-exception",
                indicator.code() + " " + period.code(),
                "create",
                null,
                Map.of("reason", reason.strip()));
        return rows.exception(indicatorId, period).orElseThrow();
    }

    /** Withdraws a lock exception: the indicator's values of the period are locked again. */
    @Transactional
    public void revoke(long indicatorId, Period period) {
        Indicator indicator = indicators.indicator(indicatorId);
        requireAdministrator("indicator " + indicator.code());
        Optional<LockException> granted = rows.exception(indicatorId, period);
        if (granted.isEmpty() || !rows.deleteException(indicatorId, period)) {
            throw new org.beaconpm.platform.NotFound(
                    "A lock exception for " + indicator.code() + " and " + period.label());
        }
        audit.record(
                "lock-exception",
                indicator.code() + " " + period.code(),
                "delete",
                Map.of("reason", granted.get().reason()),
                null);
    }

    /**
     * Refuses a change of the indicator's value for a locked period without an exception; answers whether the period
     * is locked (and so whether the change needs its reason).
     *
     * @throws ValueLocked naming the lock
     */
    boolean requireChangeable(Indicator indicator, Period period) {
        Optional<PeriodLock> lock = rows.lock(period);
        if (lock.isEmpty()) {
            return false;
        }
        if (rows.exception(indicator.id(), period).isEmpty()) {
            throw new ValueLocked(
                    indicator.code() + " for " + period.label() + " is locked: period " + period.code()
                            + " was locked on "
                            + Figures.date(lock.get().lockedAt())
                            + ". An administrator can grant a lock exception for " + indicator.code() + " and "
                            + period.code() + ".",
                    period.code());
        }
        return true;
    }

    private void requireAdministrator(String what) {
        if (!policy.current(Action.ADMINISTER).isEverywhere()) {
            throw new AccessDeniedException(AccessPolicy.refusal(Action.ADMINISTER, what));
        }
    }
}
