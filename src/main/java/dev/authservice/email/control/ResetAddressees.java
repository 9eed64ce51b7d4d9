package dev.authservice.email.control;

import dev.authservice.accounts.entity.EmailAddress;
import dev.authservice.accounts.entity.User;
import dev.authservice.accounts.entity.Username;
import dev.authservice.mail.control.Addressees;
import dev.authservice.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * Who a link's message goes to, decided when the outbox sends it: a reset goes to an enabled
 * account's verified address, found by its username or by that address; a verification to the
 * address the account still waits to verify.
 */
@ApplicationScoped
public class ResetAddressees implements Addressees {

    @PersistenceContext
    EntityManager em;

    @Override
    public Optional<Addressee> forPasswordReset(String typed) {
        return account(typed)
                .filter(user -> !user.isDisabled() && user.isEmailVerified())
                .map(user -> new Addressee(user.username(), user.email().value(), user.passwordStamp()));
    }

    @Override
    public Optional<Addressee> forVerification(String username, String address) {
        return Optional.ofNullable(em.find(User.class, username))
                .filter(user ->
                        !user.isEmailVerified() && EmailAddress.stored(address).equals(user.email()))
                .map(user -> new Addressee(user.username(), address, user.passwordStamp()));
    }

    /**
     * What the outbox keeps of what someone typed at "Forgot your password?": trimmed, and nothing
     * at all when it is longer than any address or username can be (the request costs the same).
     */
    public static String asked(String typed) {
        String stripped = typed == null ? "" : typed.strip();
        return stripped.length() > EmailAddress.MAX_LENGTH ? "" : stripped;
    }

    /** An account by its address, else by its username (a username may hold an "@" too). */
    private Optional<User> account(String asked) {
        Optional<User> byAddress = Optional.empty();
        if (asked.contains("@")) {
            try {
                byAddress = em.createNamedQuery(User.BY_EMAIL, User.class)
                        .setParameter("email", EmailAddress.of(asked).value())
                        .getResultStream()
                        .findFirst();
            } catch (Refusal noAddress) {
                // Perhaps a username.
            }
        }
        if (byAddress.isPresent()) {
            return byAddress;
        }
        try {
            return Optional.ofNullable(
                    em.find(User.class, Username.canonical(asked).value()));
        } catch (Refusal noUsername) {
            return Optional.empty();
        }
    }
}
