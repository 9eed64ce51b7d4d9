package dev.authservice.auth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.sql.DataSource;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.authservice.auth.control.Credentials;
import dev.authservice.auth.control.InvalidCredentialsException;
import dev.authservice.auth.control.InvalidTokenException;
import dev.authservice.auth.control.IssuedSession;
import dev.authservice.auth.control.UsernameTakenException;
import dev.authservice.auth.it.Deployments;

/** AuthBean in the container: the injected EJB, the real datasource, real transactions. */
@ExtendWith(ArquillianExtension.class)
class AuthBeanIT {

    private static final String PASSWORD = "correct horse battery";

    @Deployment
    static WebArchive deployment() {
        return Deployments.authService(Deployments.FAST_HASHING).addClass(AuthBeanIT.class);
    }

    @Inject
    AuthBean auth;

    private static String username() {
        return "bean-" + UUID.randomUUID().toString().substring(0, 12);
    }

    @Test
    void registerCommitsAUserWhosePasswordIsStoredOnlyAsAPbkdf2Hash() throws Exception {
        String username = username();
        auth.register(new Credentials(username, PASSWORD));
        String stored = single("SELECT PASSWORD_HASH FROM AUTH_USER WHERE USERNAME = ?", username);
        assertNotNull(stored, "committed and visible to another connection");
        assertTrue(stored.startsWith("PBKDF2WithHmacSHA256:1024:"), stored);
        assertFalse(stored.contains(PASSWORD));
    }

    @Test
    void aSecondRegistrationOfTheNameIsRefusedAndChangesNothing() throws Exception {
        String username = username();
        auth.register(new Credentials(username, PASSWORD));
        String before = single("SELECT PASSWORD_HASH FROM AUTH_USER WHERE USERNAME = ?", username);
        assertThrows(UsernameTakenException.class, () -> auth.register(new Credentials(username, "other password")));
        assertEquals(before, single("SELECT PASSWORD_HASH FROM AUTH_USER WHERE USERNAME = ?", username));
    }

    @Test
    void loginStoresOnlyTheSha256OfTheToken() throws Exception {
        String username = username();
        auth.register(new Credentials(username, PASSWORD));
        IssuedSession session = auth.login(new Credentials(username, PASSWORD));
        String token = session.token().value();
        assertEquals(username, single("SELECT USERNAME FROM AUTH_SESSION WHERE TOKEN_HASH = ?", session.token().hash()));
        assertEquals(null, single("SELECT USERNAME FROM AUTH_SESSION WHERE TOKEN_HASH = ?", token));
        assertEquals(64, session.token().hash().length());
    }

    @Test
    void loginFailsTheSameWayForAWrongPasswordAndAnUnknownUser() {
        String username = username();
        auth.register(new Credentials(username, PASSWORD));
        InvalidCredentialsException wrong = assertThrows(InvalidCredentialsException.class,
                () -> auth.login(new Credentials(username, "wrong password")));
        InvalidCredentialsException unknown = assertThrows(InvalidCredentialsException.class,
                () -> auth.login(new Credentials(username(), "wrong password")));
        assertEquals(wrong.detail(), unknown.detail());
    }

    @Test
    void logoutDeletesTheSessionRowAndASecondLogoutFails() throws Exception {
        String username = username();
        auth.register(new Credentials(username, PASSWORD));
        IssuedSession session = auth.login(new Credentials(username, PASSWORD));
        auth.logout(session.token());
        assertEquals(null, single("SELECT USERNAME FROM AUTH_SESSION WHERE TOKEN_HASH = ?", session.token().hash()));
        assertThrows(InvalidTokenException.class, () -> auth.logout(session.token()));
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
