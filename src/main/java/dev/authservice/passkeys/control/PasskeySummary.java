package dev.authservice.passkeys.control;

import dev.authservice.passkeys.entity.Passkey;
import java.time.Instant;

/** One passkey as its owner sees it on the account page and in GET /webauthn/passkeys. */
public record PasskeySummary(String id, String name, Instant createdAt, Instant lastUsedAt, String transports) {

    public static PasskeySummary of(Passkey passkey) {
        return new PasskeySummary(
                passkey.id(), passkey.name(), passkey.createdAt(), passkey.lastUsedAt(), passkey.transports());
    }
}
