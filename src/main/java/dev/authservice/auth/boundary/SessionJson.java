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

    /**
     * The account's address as the claims {@code email} and {@code email_verified} (OpenID Connect
     * Core, section 5.1), wherever the account's claims are given; neither when it has none.
     */
    public static JsonObjectBuilder withEmail(JsonObjectBuilder claims, String email, boolean verified) {
        return email == null ? claims : claims.add("email", email).add("email_verified", verified);
    }

    /** Whole seconds, ISO-8601 in UTC, as every time in the JSON API. */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    public static JsonValue nullable(String text) {
        return text == null ? JsonValue.NULL : JsonFactories.PROVIDER.createValue(text);
    }
}
