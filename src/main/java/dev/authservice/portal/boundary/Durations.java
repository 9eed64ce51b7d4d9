package dev.authservice.portal.boundary;

import java.time.Duration;

/** A configured duration as a page says it: "7 days", "36 hours". */
final class Durations {

    private Durations() {}

    static String inWords(Duration duration) {
        long hours = duration.toHours();
        if (hours >= 48 && hours % 24 == 0) {
            return hours / 24 + " days";
        }
        if (hours >= 1) {
            return hours == 1 ? "hour" : hours + " hours";
        }
        return duration.toMinutes() + " minutes";
    }
}
