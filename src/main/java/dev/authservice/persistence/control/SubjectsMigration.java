package dev.authservice.persistence.control;

/**
 * Schema version 12: every account from before the OpenID provider (version 11) gets its subject,
 * the random identifier OpenID Connect's "sub" carries.
 */
final class SubjectsMigration extends RandomIdsMigration {

    SubjectsMigration() {
        super("12", "subjects for accounts from before the OpenID provider", "AUTH_USER", "USERNAME", "SUBJECT");
    }
}
