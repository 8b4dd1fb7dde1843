package org.beaconpm.support;

import java.util.Optional;
import java.util.Set;
import org.beaconpm.organisation.UnitVisibility;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The units "the signed-in user" may see, for {@code *ModuleTest}s that start a module without {@code access} (which
 * supplies {@link UnitVisibility} in the application): everything, until a test narrows it with {@link #only}.
 * Import {@link Config} to have it as the application's one {@code UnitVisibility}.
 */
public final class SettableVisibility implements UnitVisibility {

    private volatile Optional<Set<Long>> visible = Optional.empty();

    /** From now on the user sees only these units (not the units beneath them: pass the subtree). */
    public void only(Set<Long> unitIds) {
        visible = Optional.of(Set.copyOf(unitIds));
    }

    public void everything() {
        visible = Optional.empty();
    }

    @Override
    public Optional<Set<Long>> visibleUnitIds() {
        return visible;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        SettableVisibility settableVisibility() {
            return new SettableVisibility();
        }
    }
}
