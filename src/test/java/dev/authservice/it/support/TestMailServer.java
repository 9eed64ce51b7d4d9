package dev.authservice.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) for the deployments that send mail, one for the test run, on a
 * port of its own that every such deployment names (auth.mail.host, auth.mail.port). Tests read
 * what arrived, stop it to play a mail server that is away, or put a server that accepts
 * connections and never answers in its place, then start it again on the same port.
 */
public final class TestMailServer {

    public static final String FROM = "auth@example.test";

    private static final Pattern LINK = Pattern.compile("https?://\\S+\\?token=([A-Za-z0-9_-]{43})");

    private static final int PORT = freePort();
    private static GreenMail server;
    private static ServerSocket hanging;
    private static final List<Socket> held = new ArrayList<>();

    private TestMailServer() {}

    /** The keys a deployment needs to send here. */
    public static synchronized Map<String, String> config() {
        start();
        return Map.of(
                "auth.mail.host",
                "127.0.0.1",
                "auth.mail.port",
                Integer.toString(PORT),
                "auth.mail.from",
                FROM,
                "auth.mail.timeout",
                "PT2S");
    }

    /**
     * Starts the server on its port, if it is not running: again and again for up to half a
     * minute, as a loaded machine may be slow to start it, or to let the port go after the
     * hanging server's connections.
     */
    public static synchronized void start() {
        if (server != null) {
            return;
        }
        endHanging();
        RuntimeException last = null;
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            ServerSetup setup = new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            setup.setServerStartupTimeout(10_000);
            GreenMail starting = new GreenMail(setup);
            try {
                starting.start();
                server = starting;
                return;
            } catch (RuntimeException notYet) {
                System.out.println("TestMailServer: not started yet on port " + PORT + ": " + notYet);
                last = notYet;
                starting.stop();
                Poll.until(Duration.ofMillis(500), () -> false);
            }
        }
        throw new IllegalStateException("the test's SMTP server did not start on port " + PORT, last);
    }

    /** The mail server is away: connections are refused. */
    public static synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** In the mail server's place, one that accepts connections and never says a word. */
    public static synchronized void hang() {
        stop();
        try {
            hanging = new ServerSocket();
            hanging.setReuseAddress(true);
            hanging.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), PORT), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(() -> {
            try {
                while (true) {
                    Socket socket = hanging.accept();
                    synchronized (held) {
                        held.add(socket);
                    }
                }
            } catch (IOException closed) {
                // endHanging
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static void endHanging() {
        if (hanging != null) {
            try {
                hanging.close();
                synchronized (held) {
                    for (Socket socket : held) {
                        // Reset, not closed: no TIME_WAIT left on the port the real server takes back.
                        socket.setSoLinger(true, 0);
                        socket.close();
                    }
                    held.clear();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            hanging = null;
        }
    }

    /** Every message received so far for {@code address}. */
    public static synchronized List<MimeMessage> messagesTo(String address) {
        if (server == null) {
            return List.of();
        }
        return Arrays.stream(server.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .toList();
    }

    /** Waits (with a deadline) until {@code address} has received {@code count} messages; returns them all. */
    public static List<MimeMessage> awaitMessages(String address, int count) {
        boolean arrived =
                Poll.until(Duration.ofSeconds(30), () -> messagesTo(address).size() >= count);
        List<MimeMessage> messages = messagesTo(address);
        if (!arrived) {
            throw new AssertionError("expected " + count + " messages to " + address + ", got " + messages.size() + ": "
                    + subjects(messages));
        }
        return messages;
    }

    /** The messages' subjects, for assertions and their messages. */
    public static List<String> subjects(List<MimeMessage> messages) {
        return messages.stream().map(TestMailServer::subject).toList();
    }

    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The plain text of a message. */
    public static String body(MimeMessage message) {
        try {
            return (String) message.getContent();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The link a message carries. */
    public static String link(MimeMessage message) {
        Matcher link = LINK.matcher(body(message));
        if (!link.find()) {
            throw new AssertionError("no link in: " + body(message));
        }
        return link.group();
    }

    /** The token of the link a message carries. */
    public static String token(MimeMessage message) {
        Matcher link = LINK.matcher(body(message));
        if (!link.find()) {
            throw new AssertionError("no link in: " + body(message));
        }
        return link.group(1);
    }

    private static List<String> recipients(MimeMessage message) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .map(Object::toString)
                    .toList();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
