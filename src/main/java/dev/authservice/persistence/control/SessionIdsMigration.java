package dev.authservice.persistence.control;

/**
 * Schema version 5: every session opened before the session list (version 3) gets the public id
 * the list shows, so that no code has to give one later.
 */
final class SessionIdsMigration extends RandomIdsMigration {

    SessionIdsMigration() {
        super("5", "session ids for sessions from before the session list", "AUTH_SESSION", "TOKEN_HASH", "SESSION_ID");
    }
}
