package dev.authservice.auth.boundary;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.authservice.auth.control.AuthConfig;

/**
 * Reads every request body before a request thread works on the request, without a thread: the
 * body arrives through non-blocking I/O (Servlet 3.1 ReadListener), and only once it is complete,
 * within auth.request.max-body-bytes, is the request dispatched to JAX-RS with the bytes in hand.
 * So a client that sends headers and then a body slowly, or never, holds no request thread, and
 * token checks keep finding one. A body not complete within auth.request.body-timeout gets 408;
 * one over the limit 413; a client that goes away is simply forgotten, without a log line.
 * Mapped in web.xml, after SecurityHeadersFilter, for REQUEST and ASYNC dispatches.
 */
public class RequestBodyFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(RequestBodyFilter.class.getName());
    private static final String BODY = RequestBodyFilter.class.getName() + ".body";

    /**
     * The container's limit on a whole asynchronous request, reading and work together: far above
     * the body timeout and the longest wait for a hashing slot or a database lock.
     */
    private static final Duration BACKSTOP = Duration.ofMinutes(5);

    @Inject
    AuthConfig config;

    @Inject
    RequestContextController requestContext;

    /** Times the body; the container's own async timeout would also count the work after it. */
    @Resource
    ManagedScheduledExecutorService timer;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getAttribute(BODY) instanceof byte[] body) {
            // Not every container starts CDI's request context for an asynchronous dispatch.
            boolean activated = requestContext.activate();
            try {
                chain.doFilter(new ReadBody(request, body), response);
            } finally {
                if (activated) {
                    requestContext.deactivate();
                }
            }
        } else if (request.getDispatcherType() != DispatcherType.REQUEST || !hasBody(request) || isHttp2(request)) {
            chain.doFilter(request, response);
        } else if (request.getContentLengthLong() > config.maxBodyBytes()) {
            tooLarge(response);
        } else {
            AsyncContext async = request.startAsync();
            async.setTimeout(BACKSTOP.toMillis());
            BodyReader reader = new BodyReader(async, request.getInputStream(), config.maxBodyBytes());
            async.addListener(reader);
            reader.deadline = timer.schedule(reader::timedOut, config.requestBodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
            request.getInputStream().setReadListener(reader);
        }
    }

    /**
     * Grizzly mixes HTTP/1.1 bytes into an HTTP/2 stream when its body is read asynchronously, so
     * an HTTP/2 request body is read the ordinary way (see docs/known-limits.md).
     */
    private static boolean isHttp2(HttpServletRequest request) {
        return request.getProtocol().startsWith("HTTP/2");
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    private void tooLarge(HttpServletResponse response) throws IOException {
        response.setHeader("Connection", "close");
        Problem.write(response, 413, "The request body is larger than " + config.maxBodyBytes() + " bytes.");
    }

    /** Collects one body as it arrives; settles the request exactly once. */
    private final class BodyReader implements ReadListener, AsyncListener {

        private final AsyncContext async;
        private final ServletInputStream in;
        private final int maxBytes;
        private final long expectedBytes;
        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[4096];
        private final AtomicBoolean settled = new AtomicBoolean();
        private volatile ScheduledFuture<?> deadline;

        BodyReader(AsyncContext async, ServletInputStream in, int maxBytes) {
            this.async = async;
            this.in = in;
            this.maxBytes = maxBytes;
            // -1 for a chunked body, whose end only the stream can tell.
            this.expectedBytes = async.getRequest().getContentLengthLong();
        }

        @Override
        public void onDataAvailable() throws IOException {
            // isFinished() may already be true while bytes are still buffered: read to the end.
            while (in.isReady()) {
                int read = in.read(buffer);
                if (read < 0) {
                    onAllDataRead();
                    return;
                }
                body.write(buffer, 0, read);
                if (body.size() > maxBytes && settled.compareAndSet(false, true)) {
                    cancelDeadline();
                    tooLarge((HttpServletResponse) async.getResponse());
                    async.complete();
                    return;
                }
                if (body.size() == expectedBytes) {
                    onAllDataRead();
                    return;
                }
            }
            // Not every container calls onAllDataRead for a body that was complete on arrival.
            if (in.isFinished()) {
                onAllDataRead();
            }
        }

        @Override
        public void onAllDataRead() {
            if (settled.compareAndSet(false, true)) {
                cancelDeadline();
                async.getRequest().setAttribute(BODY, body.toByteArray());
                async.dispatch();
            }
        }

        /** The body timeout ran out before the body was complete: 408, and the connection closed. */
        void timedOut() {
            if (settled.compareAndSet(false, true)) {
                try {
                    HttpServletResponse response = (HttpServletResponse) async.getResponse();
                    response.setHeader("Connection", "close");
                    Problem.write(response, 408, "The request body did not arrive in time.");
                } catch (IOException | IllegalStateException clientWentAway) {
                    LOG.fine(() -> "A 408 could not be sent: " + clientWentAway);
                } finally {
                    async.complete();
                }
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            timedOut();
        }

        private void cancelDeadline() {
            ScheduledFuture<?> scheduled = deadline;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }

        @Override
        public void onError(Throwable clientWentAway) {
            if (settled.compareAndSet(false, true)) {
                cancelDeadline();
                LOG.fine(() -> "A request body could not be read: " + clientWentAway);
                async.complete();
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            onError(event.getThrowable());
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // nothing to release
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // not restarted
        }
    }

    /** The request as JAX-RS sees it: its body already read, from memory. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream bytes = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return bytes.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("the body has been read already");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
