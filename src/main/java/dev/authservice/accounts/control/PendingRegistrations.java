package dev.authservice.accounts.control;

import dev.authservice.accounts.entity.Username;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Usernames whose registration is running right now. Of simultaneous registrations of one name,
 * only one spends a PBKDF2 hash; the rest are refused at once, as they would be by the primary
 * key a moment later. The primary key still decides; this only spares the work.
 */
@ApplicationScoped
public class PendingRegistrations {

    private final Set<String> running = ConcurrentHashMap.newKeySet();

    /** False when another registration of this name is already running. */
    public boolean reserve(Username username) {
        return running.add(username.value());
    }

    public void release(Username username) {
        running.remove(username.value());
    }
}
