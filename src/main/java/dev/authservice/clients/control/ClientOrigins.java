package dev.authservice.clients.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * The origins of every registered redirect and post-logout URI, for the portal's form-action rule
 * (a browser applies it to the redirects that answer a form, and a sign-in's answer leads on to a
 * client). Read again at most every ten seconds, so a client registered on another instance is
 * known here soon after, and one registered here at once ({@link #forget}).
 */
@ApplicationScoped
public class ClientOrigins {

    private static final long TTL_SECONDS = 10;

    @Inject
    Clients clients;

    @Inject
    Clock clock;

    private volatile Snapshot snapshot;

    public Set<String> origins() {
        Snapshot current = snapshot;
        Instant now = clock.instant();
        if (current == null || current.readAt.plusSeconds(TTL_SECONDS).isBefore(now)) {
            current = new Snapshot(clients.redirectOrigins(), now);
            snapshot = current;
        }
        return current.origins;
    }

    /** A client registered or changed here: its origins count on this instance's next page. */
    public void forget() {
        snapshot = null;
    }

    private record Snapshot(Set<String> origins, Instant readAt) {}
}
