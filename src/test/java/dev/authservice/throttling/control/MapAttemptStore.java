package dev.authservice.throttling.control;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The throttle's records in memory, for unit tests of its rules; each name changes atomically, as a row under its lock. */
class MapAttemptStore implements AttemptStore {

    private record Entry(LoginThrottle.Attempts attempts, Instant lastChange) {
    }

    private final Map<String, Entry> records = new ConcurrentHashMap<>();

    @Override
    public void update(String name, Instant now, UnaryOperator<LoginThrottle.Attempts> change) {
        records.compute(name, (key, previous) ->
                new Entry(change.apply(previous == null ? LoginThrottle.Attempts.none(now) : previous.attempts()), now));
    }

    @Override
    public void updateExistingWithCaller(String name, Instant now, UnaryOperator<LoginThrottle.Attempts> change) {
        records.computeIfPresent(name, (key, previous) -> new Entry(change.apply(previous.attempts()), now));
    }

    @Override
    public int forget(Instant cutoff, long keep) {
        int before = records.size();
        records.values().removeIf(entry -> entry.lastChange().isBefore(cutoff));
        records.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Entry> e) -> e.getValue().lastChange()).reversed())
                .skip(keep)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(records::remove);
        return before - records.size();
    }

    int size() {
        return records.size();
    }
}
