package dev.authservice.accounts.control;

import dev.authservice.hashing.entity.Password;

/** A username as the client typed it, a password, and the one-time code of a second factor, if any. */
public record Credentials(String username, Password password, String otp) {}
