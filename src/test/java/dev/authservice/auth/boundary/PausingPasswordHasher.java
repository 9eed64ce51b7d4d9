package dev.authservice.auth.boundary;

import dev.authservice.hashing.control.PasswordHasher;
import dev.authservice.hashing.entity.Password;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * AuthBeanIT's deployment only: the real hasher, which a test can make stop once, right after a
 * verification, until the test lets it go on. That fixes an interleaving of two use cases.
 */
@Alternative
@Priority(1000)
@ApplicationScoped
public class PausingPasswordHasher extends PasswordHasher {

    /** The next verification to finish stops here: reached, then waits for release. */
    public record Pause(CountDownLatch reached, CountDownLatch release) {}

    private final AtomicReference<Pause> armed = new AtomicReference<>();

    public Pause pauseAfterNextVerification() {
        Pause pause = new Pause(new CountDownLatch(1), new CountDownLatch(1));
        armed.set(pause);
        return pause;
    }

    @Override
    public boolean verify(Password password, String storedHash) {
        boolean verified = super.verify(password, storedHash);
        Pause pause = armed.getAndSet(null);
        if (pause != null) {
            pause.reached().countDown();
            try {
                pause.release().await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return verified;
    }
}
