package dev.authservice.it.oidc.wildfly;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * /logout on WildFly: WildFly 39's OIDC client (elytron-http-oidc 2.8) has no RP-initiated logout,
 * so the application ends its own sign-in and sends the browser to the provider's
 * end_session_endpoint (the context parameter "end-session-endpoint"), where the person confirms.
 */
@WebServlet("/logout")
public class SignOutAtTheProviderServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        request.logout();
        if (request.getSession(false) != null) {
            request.getSession(false).invalidate();
        }
        response.sendRedirect(getServletContext().getInitParameter("end-session-endpoint"));
    }
}
