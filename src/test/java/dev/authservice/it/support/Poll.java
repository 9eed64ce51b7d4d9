package dev.authservice.it.support;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Waiting for a real process or timer: check, pause briefly, check again, until a deadline. */
public final class Poll {

    private static final Duration PAUSE = Duration.ofMillis(100);

    private Poll() {}

    /** True as soon as the condition holds; false if it still does not at the deadline. */
    public static boolean until(Duration timeout, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            try {
                Thread.sleep(PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
