package dev.authservice.it.support;

import dev.authservice.auth.boundary.AuthBeanIT;
import dev.authservice.auth.boundary.PausingPasswordHasher;
import dev.authservice.keys.control.SigningKeysIT;
import dev.authservice.mail.control.OutboxIT;
import dev.authservice.sessions.control.SessionPurgeIT;
import dev.authservice.throttling.control.ThrottleForgettingIT;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tests that run inside the server, injected with the beans they test, share one deployment
 * ({@link KeptDeployments}): one server start for all of them instead of one each. Its
 * configuration is the union of what they need, chosen so that none disturbs another:
 *
 * <ul>
 *   <li>the purge timer's period is an hour, so it never races a test that runs the purge itself
 *       (the timer's own schedule is SessionPurgeTimerIT's, on a deployment of its own);
 *   <li>batches of 7 sessions, so that a purge of forty takes several;
 *   <li>the throttle remembers at most 1,000 names, so that a test can pass the bound.
 * </ul>
 *
 * They share one database and one clock, which only goes forward: each class makes its own
 * accounts and reads deltas or its own rows. The deployment holds every class that inherits it,
 * since Arquillian runs each of them inside the server.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class InsideTheService {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainer(Deployments.authService(
                        "inside",
                        Map.of(
                                "auth.session.purge-interval", "PT1H",
                                "auth.session.purge-batch-size", "7",
                                "auth.throttle.max-tracked-names", "1000",
                                // Mail on, to a port where nothing listens: what OutboxIT queues stays queued.
                                "auth.mail.host", "127.0.0.1",
                                "auth.mail.port", Integer.toString(closedPort()),
                                "auth.mail.from", "auth@example.test",
                                "auth.portal.url", "http://localhost",
                                "auth.registration.enabled", "true"))
                .addClasses(InsideTheService.class, TableRows.class)
                .addClasses(AuthBeanIT.class, PausingPasswordHasher.class)
                .addClasses(SessionPurgeIT.class)
                .addClasses(ThrottleForgettingIT.class)
                .addClasses(SigningKeysIT.class)
                .addClasses(OutboxIT.class));
    }

    /** A port nothing listens on: taken from the system and let go. */
    private static int closedPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
