package org.beaconpm.collection.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Map;
import org.beaconpm.access.SignedInUser;
import org.beaconpm.collection.LockException;
import org.beaconpm.collection.PeriodLocks;
import org.beaconpm.indicators.Indicator;
import org.beaconpm.indicators.Indicators;
import org.beaconpm.periods.InvalidPeriodCode;
import org.beaconpm.periods.Period;
import org.beaconpm.platform.NotFound;
import org.beaconpm.platform.RuleBroken;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Locking periods over the API, and the lock exceptions that let one indicator's values of a locked period change. */
@RestController
@Tag(name = "Periods", description = "Lock a period's values; grant and withdraw lock exceptions")
class PeriodsApi {

    /** A lock exception to grant: the indicator's code and why. */
    record ExceptionBody(@Schema(example = "NI 192") String indicator, String reason) {}

    record ExceptionView(String indicator, String period, String reason, Long grantedBy, Instant grantedAt) {}

    private final PeriodLocks locks;
    private final Indicators indicators;

    PeriodsApi(PeriodLocks locks, Indicators indicators) {
        this.locks = locks;
        this.indicators = indicators;
    }

    @PostMapping("/api/v1/periods/{code}/lock")
    @Operation(
            summary = "Lock a period",
            description = "Every value of the period (a code such as 2025-05, 2025-26-Q1 or 2025/26) is locked: it"
                    + " cannot be entered, changed or imported but under a lock exception, and then with a reason."
                    + " For administrators. 422 if the period is locked already or has not ended.")
    Map<String, Object> lock(@PathVariable String code, @AuthenticationPrincipal SignedInUser user) {
        Period period = period(code);
        int locked = locks.lock(period, user.id());
        return Map.of("period", period.code(), "valuesLocked", locked);
    }

    @PostMapping(value = "/api/v1/periods/{code}/lock-exceptions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Grant a lock exception",
            description = "Lets the indicator's values of the locked period change, each change with its reason.")
    ExceptionView grant(
            @PathVariable String code, @RequestBody ExceptionBody body, @AuthenticationPrincipal SignedInUser user) {
        Indicator indicator = indicator(body.indicator());
        Period period = period(indicator, code);
        return view(indicator, locks.grant(indicator.id(), period, body.reason(), user.id()));
    }

    @DeleteMapping("/api/v1/periods/{code}/lock-exceptions/{indicator}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw a lock exception")
    void revoke(@PathVariable String code, @PathVariable("indicator") String indicatorCode) {
        Indicator indicator = indicator(indicatorCode);
        locks.revoke(indicator.id(), period(indicator, code));
    }

    private Indicator indicator(String code) {
        if (code == null || code.isBlank()) {
            throw new RuleBroken("indicator", "Give the indicator's code, such as NI 192");
        }
        return indicators.byCode(code.strip()).orElseThrow(() -> new NotFound("Indicator " + code.strip()));
    }

    private static Period period(String code) {
        try {
            return Period.parse(code);
        } catch (InvalidPeriodCode e) {
            throw new RuleBroken("period", e.getMessage());
        }
    }

    private static Period period(Indicator indicator, String code) {
        try {
            return Period.parse(indicator.frequency().periodType(), code);
        } catch (InvalidPeriodCode e) {
            throw new RuleBroken("period", e.getMessage());
        }
    }

    private static ExceptionView view(Indicator indicator, LockException granted) {
        return new ExceptionView(
                indicator.code(), granted.period().code(), granted.reason(), granted.grantedBy(), granted.grantedAt());
    }
}
