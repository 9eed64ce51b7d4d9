package dev.authservice.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every black-box test of the deployed service shares: Arquillian, the standard deployment
 * (a class with another configuration declares its own), its URL, and an HTTP client for it. The
 * classes share one server and one database: they make their own accounts and read deltas.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedService {

    @ArquillianResource
    protected URL base;

    protected HttpClientSupport http;

    private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

    /** The name of the running class's deployment. */
    public static String deploymentName;

    /**
     * The standard configuration, with RFC 7662's own introspection client (s6BhdRkqt3, whose
     * secret is gX1fBat3bV) configured as docs/administration.md says: by the SHA-256 of its
     * secret, and a small bound on passkey sign-ins begun by anyone (100), so that PasskeyIT can
     * reach it; and a clients file for the OpenID provider ({@link #CLIENTS_FILE}). One deployment serves every class that inherits this method ({@code
     * KeptDeployments}); should it be made again, it gets a name of its own, as GlassFish keeps an
     * application's configuration under its name.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        deploymentName = "black-box-" + DEPLOYMENTS.incrementAndGet();
        return Deployments.authService(
                deploymentName,
                Map.of(
                        "auth.introspection.clients",
                        "s6BhdRkqt3:" + sha256Hex("gX1fBat3bV"),
                        "auth.webauthn.max-open-sign-ins",
                        "100",
                        "auth.oidc.clients-file",
                        clientsFile().toString()));
    }

    /**
     * The clients file of the standard deployment: "file-client", confidential, secret
     * "file-secret" (given by its SHA-256), for https://app.example.test/callback; and
     * "file-public", a public client for the same URI.
     */
    public static final String CLIENTS_FILE = """
            {"clients": [
              {"client_id": "file-client", "client_name": "Reports (from the file)",
               "client_secret_sha256": "%s",
               "redirect_uris": ["https://app.example.test/callback"],
               "post_logout_redirect_uris": ["https://app.example.test/signed-out"]},
              {"client_id": "file-public", "client_name": "Single-page app (from the file)",
               "token_endpoint_auth_method": "none",
               "redirect_uris": ["https://app.example.test/callback"]}
            ]}""";

    private static Path clientsFile() {
        try {
            Path file = Path.of("target", "oidc-clients.json").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(file, CLIENTS_FILE.formatted(sha256Hex("file-secret")));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeEach
    void client() {
        http = new HttpClientSupport(base);
    }

    private static String sha256Hex(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
