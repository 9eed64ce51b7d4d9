package dev.authservice.auth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.junit.jupiter.api.Test;

/**
 * META-INF/openapi.yaml, which /openapi serves, documents exactly the operations the resources
 * have and exactly the status codes each resource method declares it can answer.
 */
class OpenApiDocumentTest {

    private static final Pattern PATH = Pattern.compile("^  (/[^:]*):$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|patch|delete):$");
    private static final Pattern STATUS = Pattern.compile("^        '(\\d{3})':");

    @Test
    void everyOperationAndStatusOfTheResourcesIsDocumentedAndNothingElse() throws IOException {
        assertEquals(declaredByTheResources(), documented());
    }

    /** "POST /register" to its status codes, from the resource classes' annotations. */
    private static Map<String, Set<String>> declaredByTheResources() {
        Map<String, Set<String>> operations = new TreeMap<>();
        for (Class<?> resource : new Class<?>[] {AccountsResource.class, SessionsResource.class, MfaResource.class}) {
            String prefix = resource.getAnnotation(Path.class).value().replaceAll("^/+|/+$", "");
            for (Method method : resource.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class) ? "GET" : method.isAnnotationPresent(POST.class) ? "POST" : null;
                if (verb == null) {
                    continue;
                }
                APIResponses responses = method.getAnnotation(APIResponses.class);
                assertNotNull(responses, method + " declares its status codes");
                Set<String> codes = new TreeSet<>();
                Arrays.stream(responses.value()).map(APIResponse::responseCode).forEach(codes::add);
                Path path = method.getAnnotation(Path.class);
                String full = String.join("/", java.util.stream.Stream.of(prefix, path == null ? "" : path.value())
                        .filter(part -> !part.isEmpty()).toList());
                operations.put(verb + " /" + full, codes);
            }
        }
        return operations;
    }

    /** The same, read from the document's paths section. */
    private static Map<String, Set<String>> documented() throws IOException {
        Map<String, Set<String>> operations = new TreeMap<>();
        String path = null;
        String operation = null;
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/META-INF/openapi.yaml")) {
            assertNotNull(in);
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("components:")) {
                    break;
                }
                Matcher m;
                if ((m = PATH.matcher(line)).matches()) {
                    path = m.group(1);
                } else if ((m = METHOD.matcher(line)).matches()) {
                    operation = m.group(1).toUpperCase() + " " + path;
                    operations.put(operation, new TreeSet<>());
                } else if ((m = STATUS.matcher(line)).find()) {
                    operations.get(operation).add(m.group(1));
                }
            }
        }
        return operations;
    }
}
