package dev.authservice.auth.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Clients that send a request's headers and then stall in its body (slowloris): they must hold no
 * request thread, get 408 when the body timeout runs out, and leave no stack trace behind when they
 * simply go away. Run as an operator runs the service, so that its log can be read.
 */
class SlowClientIT {

    private static final int STALLED = 140;
    private static final String PASSWORD = "correct horse battery";

    @Test
    void stalledBodiesHoldNoThreadGet408AndLeaveNoStackTrace() throws Exception {
        ServiceProcess configured = new ServiceProcess(ServiceProcess.workDir("slow-clients"))
                .withEnv("AUTH_PASSWORD_HASH_ITERATIONS", "1024")
                .withEnv("AUTH_REQUEST_BODY_TIMEOUT", "PT3S");
        try (ServiceProcess service = configured.start()) {
            HttpClientSupport http = new HttpClientSupport(service.baseUri());
            String token = http.newSession(HttpClientSupport.uniqueUsername("patient"), PASSWORD);

            List<Socket> stalled = new ArrayList<>();
            for (int i = 0; i < STALLED; i++) {
                stalled.add(stalledLogin(service.port()));
            }
            for (int i = 0; i < 50; i++) {
                HttpResponse<String> check = http.send(http.request("session")
                        .timeout(Duration.ofSeconds(2)).header("Authorization", "Bearer " + token).GET());
                assertEquals(200, check.statusCode(), "token checks are answered while " + STALLED + " bodies stall");
            }

            for (Socket gone : stalled.subList(0, STALLED / 2)) {
                gone.close();
            }
            for (Socket waiting : stalled.subList(STALLED / 2, STALLED)) {
                assertTrue(statusLine(waiting).startsWith("HTTP/1.1 408"), "the body timeout answers 408");
                waiting.close();
            }

            assertEquals(200, http.session(token).statusCode());
            String log = service.log();
            assertFalse(log.contains("SEVERE"), "no SEVERE line");
            assertFalse(log.lines().anyMatch(line -> line.startsWith("\tat ")), "no stack trace");
        }
    }

    /** Headers of a login with a 1,000-byte body, then 12 bytes of it, then nothing. */
    private static Socket stalledLogin(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        String head = "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                + "Content-Length: 1000\r\n\r\n{\"username\":";
        socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        return socket;
    }

    /** The first line the server sends back, waiting up to 30 s for the body timeout to act. */
    private static String statusLine(Socket socket) {
        try {
            socket.setSoTimeout(30_000);
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c >= 0 && c != '\r'; c = in.read()) {
                line.append((char) c);
            }
            return line.toString();
        } catch (SocketTimeoutException e) {
            return "no answer within 30 s";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
