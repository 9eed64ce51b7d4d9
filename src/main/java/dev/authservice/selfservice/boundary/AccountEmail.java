package dev.authservice.selfservice.boundary;

/** An account's email address (null: none) and whether its owner has verified it. */
public record AccountEmail(String email, boolean verified) {}
