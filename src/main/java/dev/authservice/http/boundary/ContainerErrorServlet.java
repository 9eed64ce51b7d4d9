package dev.authservice.http.boundary;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The web.xml error page: errors the servlet container raises before JAX-RS sees the request
 * become problem+json instead of the server's HTML page.
 */
public class ContainerErrorServlet extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : 404;
        String detail = status == 404 ? "There is no resource at this path." : "The request could not be processed.";
        Problem.write(response, status, detail);
    }
}
