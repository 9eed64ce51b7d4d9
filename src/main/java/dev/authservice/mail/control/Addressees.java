package dev.authservice.mail.control;

import java.util.Optional;

/**
 * Who a link's message goes to, decided when it is sent: implemented where accounts are known, so
 * that the outbox needs no knowledge of them.
 */
public interface Addressees {

    /** The account {@code typed} (a username or an address) names, if a reset link may go to it now. */
    Optional<Addressee> forPasswordReset(String typed);

    /** The account, if {@code address} is still the one it waits to verify. */
    Optional<Addressee> forVerification(String username, String address);

    /** An account, its address, and its password as it is now ({@code passwordStamp}). */
    record Addressee(String username, String address, String passwordStamp) {}
}
