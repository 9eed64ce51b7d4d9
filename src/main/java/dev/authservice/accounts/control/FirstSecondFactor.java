package dev.authservice.accounts.control;

import dev.authservice.audit.entity.Client;

/**
 * A CDI event: an account got its first second factor (a confirmed TOTP or a first passkey).
 * Fired by self-service; administration observes it, in the same transaction, to warn when the
 * account is an administrator's, without self-service knowing who administers.
 */
public record FirstSecondFactor(String username, Client client) {}
