package dev.authservice.auth.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.admin.boundary.AdminClientsResource;
import dev.authservice.admin.boundary.AdminResource;
import dev.authservice.admin.boundary.AdminSigningKeysResource;
import dev.authservice.introspection.boundary.IntrospectionResource;
import dev.authservice.selfservice.boundary.AccountResource;
import dev.authservice.selfservice.boundary.PasskeysResource;
import dev.authservice.selfservice.boundary.SecondFactorResource;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * META-INF/openapi.yaml is the one description of the HTTP contract, statuses included; this
 * holds its list of operations to the resources that exist, so neither can change without the other.
 */
class OpenApiDocumentTest {

    private static final Pattern PATH = Pattern.compile("^  (/[^:]*):$");
    private static final Pattern METHOD = Pattern.compile("^    (get|post|put|patch|delete):$");
    private static final Pattern STATUS = Pattern.compile("^        '(\\d{3})':");

    @Test
    void theDocumentNamesEveryOperationOfTheResourcesAndNoOther() throws IOException {
        assertEquals(declaredByTheResources(), documented().keySet());
    }

    @Test
    void everyDocumentedOperationHasASuccessAndAFailure() throws IOException {
        documented().forEach((operation, statuses) -> {
            assertTrue(statuses.stream().anyMatch(s -> s.startsWith("2")), operation + " documents its success");
            assertTrue(statuses.stream().anyMatch(s -> s.startsWith("4")), operation + " documents its refusals");
        });
    }

    /** "POST /register" and the like, from the resource classes' annotations. */
    private static Set<String> declaredByTheResources() {
        Set<String> operations = new TreeSet<>();
        for (Class<?> resource : new Class<?>[] {
            AccountResource.class,
            SessionsResource.class,
            PasswordResetRequestResource.class,
            ForwardAuthResource.class,
            SecondFactorResource.class,
            AdminResource.class,
            AdminClientsResource.class,
            AdminSigningKeysResource.class,
            IntrospectionResource.class,
            PasskeysResource.class,
            PasskeySignInResource.class
        }) {
            String prefix = resource.getAnnotation(Path.class).value().replaceAll("^/+|/+$", "");
            for (Method method : resource.getDeclaredMethods()) {
                String verb = method.isAnnotationPresent(GET.class)
                        ? "GET"
                        : method.isAnnotationPresent(POST.class)
                                ? "POST"
                                : method.isAnnotationPresent(PUT.class)
                                        ? "PUT"
                                        : method.isAnnotationPresent(DELETE.class) ? "DELETE" : null;
                if (verb == null) {
                    continue;
                }
                Path path = method.getAnnotation(Path.class);
                String full = String.join(
                        "/",
                        Stream.of(prefix, path == null ? "" : path.value())
                                .filter(part -> !part.isEmpty())
                                .toList());
                operations.add(verb + " /" + full);
            }
        }
        return operations;
    }

    /** Each operation of the document's paths section, with the statuses it documents. */
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
