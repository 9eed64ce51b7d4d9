package dev.authservice.throttling.control;

import dev.authservice.audit.entity.Client;

/**
 * The throttle refused an attempt for {@code name}, the first refusal in its run of failures;
 * fired once that has committed, for whoever tells the account's owner.
 */
public record AccountLocked(String name, Client client) {}
