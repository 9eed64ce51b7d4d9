package dev.authservice.configuration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Collects the keys of one component that are outside their allowed ranges, then refuses to start
 * with one log line that names each of them and its range; the value of a secret is never part of
 * it.
 */
public final class Ranges {

    private static final Logger LOG = Logger.getLogger(Ranges.class.getName());

    private final List<String> problems = new ArrayList<>();

    public Ranges within(String key, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(key + "=" + value + " is outside the allowed range " + min + " to " + max);
        }
        return this;
    }

    public Ranges within(String key, Duration value, Duration min, Duration max) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.add(key + "=" + value + " is outside the allowed range " + min + " to " + max);
        }
        return this;
    }

    public Ranges oneOf(String key, String value, Set<String> allowed) {
        if (!allowed.contains(value)) {
            problems.add(key + "=" + value + " is not one of " + allowed);
        }
        return this;
    }

    /** For a rule that cannot be a range; {@code problem} must name the key and never a secret value. */
    public Ranges require(boolean holds, String problem) {
        if (!holds) {
            problems.add(problem);
        }
        return this;
    }

    /** Throws, after one log line, if any key was out of range. */
    public void enforce() {
        if (!problems.isEmpty()) {
            String message = "auth-service refuses to start, invalid configuration: " + String.join("; ", problems);
            LOG.severe(message);
            throw new InvalidConfigurationException(message);
        }
    }
}
