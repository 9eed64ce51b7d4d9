package dev.authservice.mail.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.authservice.audit.entity.Client;
import dev.authservice.auth.boundary.AuthBean;
import dev.authservice.hashing.entity.Password;
import dev.authservice.it.support.InsideTheService;
import dev.authservice.it.support.TableRows;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The outbox in the container: mail is queued in the transaction of the work it tells of, so work
 * that rolls back leaves nothing to send. (This deployment's mail server refuses connections, so
 * what was queued stays queued for the count.)
 */
public class OutboxIT extends InsideTheService {

    private static final Password PASSWORD = Password.of("correct horse battery");
    private static final Client CLIENT = new Client("192.0.2.1", "OutboxIT");

    @Inject
    AuthBean auth;

    @Inject
    UserTransaction transaction;

    @Test
    void workThatRollsBackQueuesNothing() throws Exception {
        String username = "outbox-" + UUID.randomUUID().toString().substring(0, 12);
        transaction.begin();
        auth.register(username, PASSWORD, username + "@example.test", CLIENT);
        transaction.rollback();

        assertEquals(0, queuedFor(username));
        assertEquals(0, TableRows.count("SELECT COUNT(*) FROM AUTH_USER WHERE USERNAME = ?", username));
    }

    @Test
    void workThatCommitsQueuesItsMessageOnce() throws Exception {
        String username = "outbox-" + UUID.randomUUID().toString().substring(0, 12);
        transaction.begin();
        auth.register(username, PASSWORD, username + "@example.test", CLIENT);
        transaction.commit();

        assertEquals(1, queuedFor(username));
    }

    private static int queuedFor(String username) {
        return TableRows.count("SELECT COUNT(*) FROM AUTH_MAIL_OUTBOX WHERE USERNAME = ?", username);
    }
}
