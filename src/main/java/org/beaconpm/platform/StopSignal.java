package org.beaconpm.platform;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import sun.misc.Signal;

/**
 * Where {@code beacon.sigterm-exit-zero} is true, SIGTERM ends Beacon with exit status 0 rather than the JVM's 143 (128
 * + 15). {@code ./mvnw spring-boot:run} sets it: the Spring Boot Maven plugin runs the application in a JVM of its own
 * and reports a failed build for any exit status but 0 and 130 (Ctrl+C), and it has no setting to change that, so
 * stopping the server with {@code kill} printed "BUILD FAILURE ... exit code: 143" although it had stopped cleanly.
 * Nothing else changes: {@link System#exit} runs the shutdown hooks as the JVM's own handler does, so the application
 * context closes, then the embedded database stops. Production ({@code java -jar}) keeps the usual 143, which service
 * managers expect.
 */
@Component
@ConditionalOnBooleanProperty("beacon.sigterm-exit-zero")
class StopSignal {

    StopSignal() {
        Signal.handle(new Signal("TERM"), signal -> System.exit(0));
    }
}
