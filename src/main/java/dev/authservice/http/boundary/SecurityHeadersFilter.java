package dev.authservice.http.boundary;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Headers every response of the application carries, error pages included (mapped in web.xml). */
public class SecurityHeadersFilter extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        // A JSON answer is never to be sniffed into HTML or script by a browser.
        response.setHeader("X-Content-Type-Options", "nosniff");
        // Every answer is about a session or an account, or may be refused for one: no cache keeps any.
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
    }
}
