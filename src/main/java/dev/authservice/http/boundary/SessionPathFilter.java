package dev.authservice.http.boundary;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Keeps every path the client sent under /session a forward-auth check, also one the server
 * resolves to somewhere else. Servers resolve "." and ".." segments, percent-encoded ones too,
 * before they route a request, so /session/../metrics would reach the metrics endpoint and answer
 * 200; Envoy's ext_authz appends the client's path to /session and allows on any 2xx. Such a
 * request is forwarded to /session, where {@link ForwardAuthFilter} answers it like GET /session.
 */
public class SessionPathFilter extends HttpFilter {

    private static final String SESSION = "/session";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The request URI is the path as sent, neither decoded nor resolved (Servlet 6.0, 3.6).
        String sent = percentDecoded(request.getRequestURI().substring(request.getContextPath().length()));
        String routed = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (underSession(sent) && !underSession(routed)) {
            request.getRequestDispatcher(SESSION).forward(request, response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean underSession(String path) {
        if (!path.startsWith(SESSION)) {
            return false;
        }
        if (path.length() == SESSION.length()) {
            return true;
        }
        char next = path.charAt(SESSION.length());
        return next == '/' || next == ';';
    }

    /** Percent-escapes decoded as UTF-8; a broken escape stays as it is. */
    static String percentDecoded(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length() && hex(path.charAt(i + 1)) >= 0 && hex(path.charAt(i + 2)) >= 0) {
                bytes.write(hex(path.charAt(i + 1)) << 4 | hex(path.charAt(i + 2)));
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        return c < 128 ? Character.digit(c, 16) : -1;
    }
}
