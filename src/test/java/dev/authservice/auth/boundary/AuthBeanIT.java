package dev.authservice.auth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.accounts.control.Credentials;
import dev.authservice.audit.entity.Client;
import dev.authservice.hashing.entity.Password;
import dev.authservice.it.support.InsideTheService;
import dev.authservice.refusal.Refusal;
import dev.authservice.selfservice.boundary.SelfService;
import dev.authservice.sessions.control.IssuedSession;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** AuthBean in the container: the injected EJB, the real datasource, real transactions. */
public class AuthBeanIT extends InsideTheService {

    private static final Password PASSWORD = Password.of("correct horse battery");
    private static final Client CLIENT = new Client("192.0.2.1", "AuthBeanIT");

    @Inject
    AuthBean auth;

    @Inject
    SelfService selfService;

    @Inject
    PausingPasswordHasher hasher;

    private static String username() {
        return "bean-" + UUID.randomUUID().toString().substring(0, 12);
    }

    private IssuedSession login(String username, Password password) {
        return auth.login(new Credentials(username, password, null), CLIENT);
    }

    private static Refusal.Reason refusedFor(Runnable useCase) {
        return assertThrows(Refusal.class, useCase::run).reason();
    }

    @Test
    void registerCommitsAUserWhosePasswordIsStoredOnlyAsAPbkdf2Hash() throws Exception {
        String username = username();
        auth.register(username, PASSWORD, CLIENT);
        String stored = single("SELECT PASSWORD_HASH FROM AUTH_USER WHERE USERNAME = ?", username);
        assertNotNull(stored, "committed and visible to another connection");
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA256:1024:"), stored);
        assertFalse(stored.contains(PASSWORD.value()));
    }

    @Test
    void aSecondRegistrationOfTheNameIsRefusedAndChangesNothing() throws Exception {
        String username = username();
        auth.register(username, PASSWORD, CLIENT);
        String before = single("SELECT PASSWORD_HASH FROM AUTH_USER WHERE USERNAME = ?", username);
        assertEquals(
                Refusal.Reason.USERNAME_TAKEN,
                refusedFor(() -> auth.register(username, Password.of("other password"), CLIENT)));
        assertEquals(before, single("SELECT PASSWORD_HASH FROM AUTH_USER WHERE USERNAME = ?", username));
    }

    @Test
    void loginStoresOnlyTheSha256OfTheToken() throws Exception {
        String username = username();
        auth.register(username, PASSWORD, CLIENT);
        IssuedSession session = login(username, PASSWORD);
        assertEquals(
                username,
                single(
                        "SELECT USERNAME FROM AUTH_SESSION WHERE TOKEN_HASH = ?",
                        session.token().hash()));
        assertNull(single(
                "SELECT USERNAME FROM AUTH_SESSION WHERE TOKEN_HASH = ?",
                session.token().value()));
    }

    @Test
    void loginFailsTheSameWayForAWrongPasswordAndAnUnknownUser() {
        String username = username();
        auth.register(username, PASSWORD, CLIENT);
        Refusal wrong = assertThrows(Refusal.class, () -> login(username, Password.of("wrong password")));
        Refusal unknown = assertThrows(Refusal.class, () -> login(username(), Password.of("wrong password")));
        assertEquals(Refusal.Reason.INVALID_CREDENTIALS, wrong.reason());
        assertEquals(wrong.reason(), unknown.reason());
        assertEquals(wrong.detail(), unknown.detail());
    }

    @Test
    void logoutDeletesTheSessionRowAndASecondLogoutFails() throws Exception {
        String username = username();
        auth.register(username, PASSWORD, CLIENT);
        IssuedSession session = login(username, PASSWORD);
        auth.logout(session.token(), CLIENT);
        assertNull(single(
                "SELECT USERNAME FROM AUTH_SESSION WHERE TOKEN_HASH = ?",
                session.token().hash()));
        assertEquals(Refusal.Reason.TOKEN_INVALID, refusedFor(() -> auth.logout(session.token(), CLIENT)));
    }

    /**
     * The interleaving an outside review found: a login verifies the old password, the password
     * change commits, then the login goes on. It must not end with a session.
     */
    @Test
    void aLoginThatVerifiedTheOldPasswordDuringAChangeGetsNoSession() throws Exception {
        String username = username();
        auth.register(username, PASSWORD, CLIENT);
        IssuedSession changer = login(username, PASSWORD);

        PausingPasswordHasher.Pause pause = hasher.pauseAfterNextVerification();
        CompletableFuture<IssuedSession> oldPasswordLogin =
                CompletableFuture.supplyAsync(() -> login(username, PASSWORD));
        assertTrue(pause.reached().await(30, TimeUnit.SECONDS), "the login verified the old password");

        selfService.changePassword(changer.token(), PASSWORD, null, Password.of("a brand new passphrase"), CLIENT);
        pause.release().countDown();

        ExecutionException failed =
                assertThrows(ExecutionException.class, () -> oldPasswordLogin.get(30, TimeUnit.SECONDS));
        assertEquals(Refusal.Reason.INVALID_CREDENTIALS, ((Refusal) failed.getCause()).reason());
        assertEquals(
                "1",
                single("SELECT CAST(COUNT(*) AS CHAR(10)) FROM AUTH_SESSION WHERE USERNAME = ?", username)
                        .strip(),
                "only the session that changed the password");
        assertNotNull(login(username, Password.of("a brand new passphrase")));
    }

    private String single(String sql, String parameter) throws Exception {
        DataSource dataSource = InitialContext.doLookup("java:app/jdbc/auth");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
