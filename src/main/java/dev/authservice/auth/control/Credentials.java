package dev.authservice.auth.control;

/** A username and password as the client sent them. */
public record Credentials(String username, String password) {

    @Override
    public String toString() {
        return "Credentials[username=" + username + ", password=redacted]";
    }
}
