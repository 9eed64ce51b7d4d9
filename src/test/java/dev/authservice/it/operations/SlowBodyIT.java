package dev.authservice.it.operations;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.Poll;
import dev.authservice.it.support.ServiceProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients that send a request's headers and then stall in its body (slowloris), against the
 * service as shipped: more of them than the server has request threads.
 */
class SlowBodyIT {

    private static final int STALLED = 140;
    /** auth.request.max-slow-bodies as shipped. */
    private static final int WAITING_AT_MOST = 16;

    @Test
    void stalledBodiesGet408AndLeaveTokenChecksAnswering() throws Exception {
        try (ServiceProcess service = new ServiceProcess(ServiceProcess.workDir("slow-bodies")).start()) {
            HttpClientSupport http = new HttpClientSupport(service.baseUri());
            String token = http.newSession(uniqueUsername("patient"), "a password of some length");
            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < STALLED; i++) {
                    stalled.add(stallInBody(service.port()));
                }

                for (int i = 0; i < 50; i++) {
                    // Without the bound, every request thread waits for a body and this times out.
                    HttpResponse<String> check = http.send(http.request("session")
                            .header("Authorization", "Bearer " + token)
                            .timeout(Duration.ofSeconds(5)));
                    assertEquals(200, check.statusCode(), check.body());
                }

                int refused = 0;
                for (Socket socket : stalled) {
                    String answer = answerSoFar(socket);
                    if (!answer.isEmpty()) {
                        assertTrue(answer.startsWith("HTTP/1.1 408 "), answer);
                        assertTrue(
                                answer.contains("application/problem+json") && answer.contains("\"status\":408"),
                                answer);
                        refused++;
                    }
                }
                assertTrue(
                        refused >= STALLED - WAITING_AT_MOST,
                        refused + " stalled requests answered 408; the rest may wait for their bodies");
            } finally {
                for (Socket socket : stalled) {
                    socket.close();
                }
            }

            // The clients that were still waiting have gone away: their threads come back, quietly.
            assertTrue(Poll.until(Duration.ofSeconds(30), () -> answers(http, token)), "token checks still answer");
            String log = service.log();
            assertFalse(log.contains("\tat "), "no stack trace for clients that went away");
        }
    }

    /** POST /login whose headers promise 1,000 bytes of body, of which 12 are sent. */
    private static Socket stallInBody(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 1000\r\n\r\n{\"username\":")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private static String answerSoFar(Socket socket) throws IOException {
        socket.setSoTimeout(200);
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            int read = in.read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.US_ASCII);
        } catch (SocketTimeoutException stillWaiting) {
            return "";
        }
    }

    private static boolean answers(HttpClientSupport http, String token) {
        HttpResponse<String> check = http.send(http.request("session")
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(2)));
        return check.statusCode() == 200;
    }
}
