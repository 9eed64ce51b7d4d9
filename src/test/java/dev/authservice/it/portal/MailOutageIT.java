package dev.authservice.it.portal;

import static dev.authservice.it.support.TestMailServer.awaitMessages;
import static dev.authservice.it.support.TestMailServer.messagesTo;
import static dev.authservice.it.support.TestMailServer.subjects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.PortalBrowser;
import dev.authservice.it.support.TestMailServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A mail server that is away or hangs slows and fails nothing: sign-ins and reset requests answer
 * as they do with it (their times are printed, for docs/email.md, not asserted), and what was
 * queued goes out once it is back.
 */
class MailOutageIT extends PortalDeployment {

    private static final int SAMPLES = 9;

    @AfterEach
    void mailServerBack() {
        TestMailServer.start();
    }

    @Test
    void whileTheMailServerIsAwayNothingWaitsAndEverythingGoesOutOnceItIsBack() {
        String username = withConfirmedAddress("away");
        assertEquals(303, browser.signIn(username, PASSWORD, null).statusCode(), "the account's first browser");
        String before = timings("mail server up");
        TestMailServer.stop();
        String away = timings("mail server away");
        assertEquals(
                303,
                new PortalBrowser(http, PORTAL).signIn(username, PASSWORD, null).statusCode());
        assertEquals(200, askForReset(username).statusCode());
        System.out.println("MailOutageIT: " + before + "; " + away);

        TestMailServer.start();
        // The retry is due a second after the failure, on the deployment's clock.
        http.advanceClock(Duration.ofMinutes(1));
        List<String> subjects = subjects(awaitMessages(addressOf(username), 2));
        assertTrue(subjects.contains("New sign-in to your account"), subjects.toString());
        assertTrue(subjects.contains("Reset your password for " + TITLE), subjects.toString());
    }

    @Test
    void aMailServerThatHangsHoldsUpNoRequest() {
        String username = withConfirmedAddress("hang");
        assertEquals(303, browser.signIn(username, PASSWORD, null).statusCode(), "the account's first browser");
        TestMailServer.hang();
        String hanging = timings("mail server hanging");
        assertEquals(
                303,
                new PortalBrowser(http, PORTAL).signIn(username, PASSWORD, null).statusCode());
        assertEquals(200, askForReset(username).statusCode());
        System.out.println("MailOutageIT: " + hanging);

        TestMailServer.start();
        http.advanceClock(Duration.ofMinutes(1));
        assertEquals(2, awaitMessages(addressOf(username), 2).size());
        assertEquals(2, messagesTo(addressOf(username)).size());
    }

    /** The accounts the timings sign in as and ask resets for, made once. */
    private final List<String> accounts = new ArrayList<>();

    /** Medians of a portal sign-in and of a reset request for another account each time. */
    private String timings(String condition) {
        while (accounts.size() < SAMPLES) {
            accounts.add(withConfirmedAddress("timed"));
        }
        int[] next = {0};
        long signIn = median(() -> new PortalBrowser(http, PORTAL)
                .signIn(accounts.get(next[0]++ % SAMPLES), PASSWORD, null)
                .statusCode());
        long reset = median(() -> askForReset(accounts.get(next[0]++ % SAMPLES)).statusCode());
        return condition + ": sign-in median " + signIn / 1000 + " µs, reset request median " + reset / 1000 + " µs";
    }

    private static long median(IntSupplier request) {
        List<Long> nanos = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            int status = request.getAsInt();
            nanos.add(System.nanoTime() - start);
            assertTrue(status == 200 || status == 303, "answered " + status);
        }
        nanos.sort(Long::compare);
        return nanos.get(SAMPLES / 2);
    }
}
