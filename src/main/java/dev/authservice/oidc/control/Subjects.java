package dev.authservice.oidc.control;

import dev.authservice.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/** The subject ("sub") of an account: its stable random identifier, never its name. */
@ApplicationScoped
public class Subjects {

    @PersistenceContext
    EntityManager em;

    /** Empty when the account is gone or disabled: it gets no more tokens. */
    public Optional<String> ofEnabled(String username) {
        User user = em.find(User.class, username);
        if (user == null || user.isDisabled()) {
            return Optional.empty();
        }
        return Optional.ofNullable(user.subject());
    }
}
