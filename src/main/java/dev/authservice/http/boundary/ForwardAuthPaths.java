package dev.authservice.http.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The forward-auth checks answer every request for a path under /session or /forward-auth,
 * whatever its method; what is said of /session here holds for /forward-auth alike.
 * Envoy's ext_authz calls /session followed by the original path, with the original method, and
 * allows on any 2xx; so every such request is answered exactly as GET /session answers: 200 with
 * a live session, 401 otherwise, OPTIONS and HEAD included. "Under /session" is judged on the path
 * as the client sent it (percent-escapes decoded) as well as the path the server routes: servers
 * resolve "." and ".." segments, escaped ones too, before they route, so /session/../metrics
 * would otherwise reach the metrics endpoint; and a path parameter (/session;x=y) routes to
 * /session.
 */
public class ForwardAuthPaths extends HttpFilter {

    /** The request attribute that keeps the method a forwarded check was asked with. */
    public static final String ORIGINAL_METHOD = "dev.authservice.http.original-method";

    private static final String[] CHECKS = {"/session", "/forward-auth"};

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // The request URI is the path as sent, neither decoded nor resolved (Servlet 6.0, 3.6).
        String sent = percentDecoded(
                request.getRequestURI().substring(request.getContextPath().length()));
        String routed = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String check = checkOf(sent);
        if (check == null) {
            check = checkOf(routed);
        }
        if (check == null) {
            chain.doFilter(request, response);
        } else if (routed.equals(check) && sent.equals(check) && "GET".equals(request.getMethod())) {
            chain.doFilter(request, response);
        } else {
            request.setAttribute(ORIGINAL_METHOD, request.getMethod());
            request.getRequestDispatcher(check).forward(new AsGet(request), response);
        }
    }

    /** The check the path is under, or null. */
    private static String checkOf(String path) {
        for (String check : CHECKS) {
            if (isUnder(path, check)) {
                return check;
            }
        }
        return null;
    }

    /** The same request, asking with GET. */
    private static final class AsGet extends HttpServletRequestWrapper {

        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }
    }

    private static boolean isUnder(String path, String check) {
        if (!path.startsWith(check)) {
            return false;
        }
        if (path.length() == check.length()) {
            return true;
        }
        char next = path.charAt(check.length());
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
