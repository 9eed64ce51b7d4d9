package dev.authservice.it.oidc.wildfly;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Any signed-in person (web.xml): their name and whether they hold the role "finance", as the
 * application sees them through WildFly's OIDC client.
 */
@WebServlet("/me")
public class WhoAmIServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=utf-8");
        String name = request.getUserPrincipal().getName().replace("&", "&amp;").replace("<", "&lt;");
        response.getWriter()
                .printf(
                        "<!doctype html><title>Me</title><p>Signed in as <b id=\"name\">%s</b>,"
                                + " groups <b id=\"groups\">%s</b>.</p>",
                        name, request.isUserInRole("finance") ? "finance" : "");
    }
}
