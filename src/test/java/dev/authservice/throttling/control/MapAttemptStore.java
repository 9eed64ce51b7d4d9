package dev.authservice.throttling.control;

import dev.authservice.throttling.entity.ThrottleRecord;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The throttle's records in memory, for unit tests of its rules; each name changes atomically, as a row under its lock. */
class MapAttemptStore implements AttemptStore {

    private record Entry(ThrottleRecord record, Instant lastChange) {}

    private final Map<String, Entry> records = new ConcurrentHashMap<>();

    @Override
    public void update(String name, Instant now, Consumer<ThrottleRecord> change) {
        records.compute(
                name,
                (key, previous) -> changed(
                        previous == null
                                ? new ThrottleRecord(name, now)
                                : previous.record().copy(),
                        change,
                        now));
    }

    @Override
    public void updateExistingWithCaller(String name, Instant now, Consumer<ThrottleRecord> change) {
        records.computeIfPresent(
                name, (key, previous) -> changed(previous.record().copy(), change, now));
    }

    private static Entry changed(ThrottleRecord record, Consumer<ThrottleRecord> change, Instant now) {
        change.accept(record);
        return new Entry(record, now);
    }

    @Override
    public int forget(Instant cutoff, long keep) {
        int before = records.size();
        records.values().removeIf(entry -> entry.lastChange().isBefore(cutoff));
        records.entrySet().stream()
                .sorted(Comparator.comparing(
                                (Map.Entry<String, Entry> e) -> e.getValue().lastChange())
                        .reversed())
                .skip(keep)
                .map(Map.Entry::getKey)
                .toList()
                .forEach(records::remove);
        return before - records.size();
    }

    int size() {
        return records.size();
    }

    /** The names that have a record. */
    java.util.Set<String> names() {
        return records.keySet();
    }
}
