package dev.authservice.http.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.logging.Logger;

/**
 * Keeps request bodies that are slow to arrive from taking the request threads that token checks
 * need. Reading a body blocks its thread until the bytes are there, so clients that send headers
 * and then stall (slowloris) could hold every thread of the pool. A body that came with its
 * headers, nearly every one, passes straight on. One still on its way is read here, in full, by at
 * most {@code auth.request.max-slow-bodies} threads at once, each read bounded by the server's
 * read timeout (docs/servers.md); past that bound the request gets 408 at once and its connection
 * is closed.
 */
public class SlowBodyFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(SlowBodyFilter.class.getName());

    @Inject
    RequestSettings settings;

    private Semaphore readers;

    @Override
    public void init() {
        readers = new Semaphore(settings.maxSlowBodies());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (noBodyOrArrived(request)) {
            chain.doFilter(request, response);
            return;
        }
        if (!readers.tryAcquire()) {
            refuse(response);
            return;
        }
        byte[] body;
        try {
            // One byte more than allowed, so that JsonBody still answers 413 for a body too large.
            body = request.getInputStream().readNBytes(settings.maxBodyBytes() + 1);
        } catch (IOException stalledOrGone) {
            // A read timeout or a client that went away: nothing of the service's went wrong.
            LOG.fine(() -> "Request body not received: " + stalledOrGone);
            refuse(response);
            return;
        } finally {
            readers.release();
        }
        long length = request.getContentLengthLong();
        if (length >= 0 && body.length < Math.min(length, settings.maxBodyBytes() + 1L)) {
            // The stream ended before the declared length: the client went away mid-body.
            refuse(response);
            return;
        }
        chain.doFilter(new BufferedBodyRequest(request, body), response);
    }

    /** True when reading the body cannot block: there is none, or all of it came with the headers. */
    private static boolean noBodyOrArrived(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (length >= 0) {
            return length == 0 || request.getInputStream().available() >= length;
        }
        // No declared length: over HTTP/1.x there is a body only when it is chunked (RFC 9112,
        // 6.3); HTTP/2 may stream one, but nothing here reads the body of a GET or HEAD.
        if (request.getProtocol().startsWith("HTTP/1.")) {
            return request.getHeader("Transfer-Encoding") == null;
        }
        return "GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod());
    }

    private static void refuse(HttpServletResponse response) {
        response.setHeader("Connection", "close");
        try {
            Problem.write(response, HttpServletResponse.SC_REQUEST_TIMEOUT, "The request body did not arrive in time.");
        } catch (IOException gone) {
            LOG.fine(() -> "408 not delivered: " + gone);
        }
    }
}
