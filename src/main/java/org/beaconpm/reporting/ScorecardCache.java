package org.beaconpm.reporting;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.beaconpm.collection.ValueEntered;
import org.beaconpm.collection.ValuesCalculated;
import org.beaconpm.collection.ValuesImported;
import org.beaconpm.indicators.IndicatorChanged;
import org.beaconpm.organisation.StructureChanged;
import org.beaconpm.periods.Period;
import org.beaconpm.targets.RatingRuleChanged;
import org.beaconpm.targets.TargetSet;
import org.beaconpm.targets.TargetsImported;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Scorecards as built, kept until anything they are built from changes: a value, a target, a rating rule, an
 * indicator or the organisation structure. Each change, once committed, starts a new generation, and a scorecard is
 * kept under the generation in which it was begun, so one built from data read before a change is never served after
 * it. While a scorecard is being built, others asking for the same one wait for it rather than build it again.
 *
 * <p>The generation lives in this server's memory: several servers sharing one database would each need to hear of
 * the others' changes.
 */
@Component
class ScorecardCache {

    /** Scorecards kept at most; a new generation drops them all. */
    static final int CAPACITY = 32;

    /**
     * What a scorecard depends on besides the data: the period, the unit it is narrowed to and the units the reader
     * may see (empty when everything).
     */
    record Key(Period asAt, Long unitId, Optional<Set<Long>> scope) {}

    private record Generational(long generation, Key key) {}

    /** A scorecard as kept, with what has been made of it (its JSON, say), each made once and kept alongside. */
    record Kept(Scorecard scorecard, ConcurrentHashMap<String, Object> renderings) {

        @SuppressWarnings("unchecked")
        <T> T rendering(String form, Function<Scorecard, T> render) {
            return (T) renderings.computeIfAbsent(form, f -> render.apply(scorecard));
        }
    }

    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentHashMap<Generational, CompletableFuture<Kept>> scorecards = new ConcurrentHashMap<>();

    Kept get(Key key, Supplier<Scorecard> build) {
        Generational at = new Generational(generation.get(), key);
        CompletableFuture<Kept> mine = new CompletableFuture<>();
        CompletableFuture<Kept> kept = scorecards.putIfAbsent(at, mine);
        if (kept != null) {
            try {
                return kept.join();
            } catch (CompletionException failed) {
                throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
            }
        }
        if (scorecards.size() > CAPACITY) {
            scorecards.keySet().removeIf(other -> !other.equals(at));
        }
        try {
            Kept built = new Kept(build.get(), new ConcurrentHashMap<>());
            mine.complete(built);
            return built;
        } catch (RuntimeException | Error e) {
            scorecards.remove(at, mine);
            mine.completeExceptionally(e);
            throw e;
        }
    }

    /** The number of generations begun: one more after every committed change. */
    long generation() {
        return generation.get();
    }

    private void changed() {
        generation.incrementAndGet();
        scorecards.clear();
    }

    /*
     * The listeners run synchronously after the change commits, in the thread that committed it, so the next request
     * that thread serves (and any request that starts after the commit returns) sees the new generation. They are
     * after-commit transactional listeners, so the event publication registry records each event for them when it is
     * published and marks it completed when they return: none is left incomplete. One that was (the server stopped
     * between the commit and the listener) is delivered again on the next start, where it drops nothing but costs
     * nothing either.
     */

    @TransactionalEventListener(fallbackExecution = true)
    void on(ValueEntered entered) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ValuesImported imported) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(ValuesCalculated calculated) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TargetSet set) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(TargetsImported imported) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(RatingRuleChanged changed) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(IndicatorChanged changed) {
        changed();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(StructureChanged changed) {
        changed();
    }
}
