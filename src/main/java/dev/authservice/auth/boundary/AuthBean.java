package dev.authservice.auth.boundary;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import dev.authservice.auth.control.Accounts;
import dev.authservice.auth.control.Client;
import dev.authservice.auth.control.Credentials;
import dev.authservice.auth.control.IssuedSession;
import dev.authservice.auth.control.Password;
import dev.authservice.auth.control.SecurityEvent;
import dev.authservice.auth.control.SessionToken;
import dev.authservice.auth.control.SessionView;
import dev.authservice.auth.control.Sessions;
import dev.authservice.auth.control.Username;
import dev.authservice.auth.entity.Session;
import dev.authservice.auth.entity.User;

/**
 * The use cases of the service, one container-managed transaction each: a method that returns has
 * committed, so whatever the resource then acknowledges is already durable. Each method reads as
 * its use case; the rules live in {@link Accounts}, {@link Sessions} and the entities.
 */
@Stateless
public class AuthBean {

    @Inject
    Accounts accounts;

    @Inject
    Sessions sessions;

    @Inject
    Event<SecurityEvent> events;

    /** Creates an account; returns its canonical username. */
    public String register(String typedUsername, Password password, Client client) {
        User user = accounts.register(Username.canonical(typedUsername), password);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.REGISTERED, user.username(), client));
        return user.username();
    }

    /** Proves the credentials and opens a new session. */
    public IssuedSession login(Credentials credentials, Client client) {
        User user = accounts.authenticate(credentials, client);
        IssuedSession session = sessions.open(user);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.LOGIN_SUCCEEDED, user.username(), client));
        return session;
    }

    /** Ends the token's session. */
    public void logout(SessionToken token, Client client) {
        String username = sessions.revoke(token);
        events.fire(SecurityEvent.loggedOut(username, client, 1));
    }

    /** Ends every session of the token's user, the presented one included; returns how many. */
    public int logoutAll(SessionToken token, Client client) {
        String username = sessions.live(token).username();
        int revoked = sessions.revokeAllOf(username);
        events.fire(SecurityEvent.loggedOut(username, client, revoked));
        return revoked;
    }

    /** The token check front ends make on every request; slides the idle deadline. */
    public SessionView check(SessionToken token) {
        return sessions.check(token);
    }

    /** Replaces the password of the token's user and ends the user's other sessions; returns the user. */
    public String changePassword(SessionToken token, Password current, Password replacement, Client client) {
        Session session = sessions.live(token);
        accounts.changePassword(session.username(), current, replacement, client);
        sessions.revokeOthersOf(session.username(), session);
        events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSWORD_CHANGED, session.username(), client));
        return session.username();
    }
}
