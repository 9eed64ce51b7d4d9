package dev.authservice.it.oidc.soteria;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Members of "finance" only: the container answers anyone else 403. */
@WebServlet("/reports")
@ServletSecurity(@HttpConstraint(rolesAllowed = "finance"))
public class ReportsServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=utf-8");
        response.getWriter()
                .printf(
                        "<!doctype html><title>Reports</title><p id=\"reports\">Reports for %s</p>",
                        request.getUserPrincipal()
                                .getName()
                                .replace("&", "&amp;")
                                .replace("<", "&lt;"));
    }
}
