package dev.authservice.auth.boundary;

import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.sessions.control.SessionSummary;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** A session as the JSON API lists it (GET /sessions, GET /admin/users/{username}): never its token. */
public final class SessionJson {

    private SessionJson() {}

    public static JsonObjectBuilder of(SessionSummary s) {
        return JsonFactories.object()
                .add("id", s.id())
                .add("created_at", iso(s.createdAt()))
                .add("last_used_at", iso(s.lastUsedAt()))
                .add("expires_at", iso(s.expiresAt()))
                .add("idle_expires_at", iso(s.idleExpiresAt()))
                .add("client", nullable(s.client()))
                .add("user_agent", nullable(s.userAgent()))
                .add("device", s.device());
    }

    /** Whole seconds, ISO-8601 in UTC, as every time in the JSON API. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static JsonValue nullable(String text) {
        return text == null ? JsonValue.NULL : JsonFactories.PROVIDER.createValue(text);
    }
}
