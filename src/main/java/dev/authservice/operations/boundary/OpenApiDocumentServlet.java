package dev.authservice.operations.boundary;

import dev.authservice.http.boundary.Problem;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves META-INF/openapi.yaml at /openapi, read once at deployment, on every server.
 *
 * <p>Mapped to /openapi/* in web.xml so that the mapping is the application's before the server's
 * own OpenAPI servlet asks for it. Payara's would otherwise answer: on its first request it parses
 * every class of the WAR and its libraries into a type model, which needs more than the shipped
 * heap (docs/performance.md, "Memory"); scanning switched off does not skip that parse.
 */
public class OpenApiDocumentServlet extends HttpServlet {

    private static final String YAML = "application/yaml";

    private byte[] document;

    @Override
    public void init() throws ServletException {
        try (InputStream in = OpenApiDocumentServlet.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = request.getPathInfo();
        if (rest != null && !rest.equals("/")) {
            Problem.write(response, 404, "There is no resource at this path.");
            return;
        }
        response.setContentType(YAML);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(document.length);
        response.getOutputStream().write(document);
    }
}
