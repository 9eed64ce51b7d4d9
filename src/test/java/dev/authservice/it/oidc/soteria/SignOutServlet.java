package dev.authservice.it.oidc.soteria;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * /logout signs out of the application; the mechanism (logout.notifyProvider) then sends the
 * browser to the provider's end_session_endpoint, which comes back to /signed-out.
 */
@WebServlet({"/logout", "/signed-out"})
public class SignOutServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        if (request.getServletPath().equals("/logout")) {
            request.logout();
            if (response.isCommitted()) {
                return;
            }
        }
        response.setContentType("text/html;charset=utf-8");
        response.getWriter().print("<!doctype html><title>Signed out</title><p id=\"signed-out\">Signed out.</p>");
    }
}
