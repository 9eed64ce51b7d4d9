package dev.authservice.it.oidc.soteria;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.TreeSet;

/** Any signed-in person: their name and groups, as the application sees them. */
@WebServlet("/me")
@ServletSecurity(@HttpConstraint(rolesAllowed = "**"))
public class MeServlet extends HttpServlet {

    @Inject
    OpenIdContext openId;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=utf-8");
        response.getWriter()
                .printf(
                        "<!doctype html><title>Me</title><p>Signed in as <b id=\"name\">%s</b>,"
                                + " groups <b id=\"groups\">%s</b>.</p>",
                        escaped(request.getUserPrincipal().getName()),
                        escaped(String.join(
                                ",",
                                new TreeSet<>(
                                        openId.getIdentityToken().getJwtClaims().getArrayStringClaim("groups")))));
    }

    static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
