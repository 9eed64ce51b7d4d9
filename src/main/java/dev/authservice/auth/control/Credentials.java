package dev.authservice.auth.control;

/** A username as the client typed it, and a password. */
public record Credentials(String username, Password password) {
}
