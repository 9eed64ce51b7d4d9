package dev.authservice.oidc.control;

import dev.authservice.clients.control.ClientMetadata;
import dev.authservice.clients.control.Clients;
import dev.authservice.clients.control.ClientsFileEntry;
import dev.authservice.configuration.Ranges;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.persistence.control.ConstraintViolations;
import dev.authservice.refusal.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * auth.oidc.clients-file: the clients a deployer configures by file, applied at every deployment on
 * every instance, each made or brought to what the file says. Clients registered through the admin
 * API and not in the file are left alone. A file that cannot be read, or a client in it that breaks
 * a rule, stops the deployment with a message that names it, as every other configuration does.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClientsFile {

    private static final Logger LOG = Logger.getLogger(ClientsFile.class.getName());

    @Inject
    OidcSettings settings;

    @Inject
    Clients clients;

    @PostConstruct
    void apply() {
        if (settings.clientsFile().isEmpty()) {
            return;
        }
        Path file = Path.of(settings.clientsFile().get());
        List<ClientsFileEntry> entries = read(file);
        int made = 0;
        for (ClientsFileEntry entry : entries) {
            try {
                made += applied(entry) ? 1 : 0;
            } catch (Refusal refused) {
                throw refuse("auth.oidc.clients-file " + file + ": " + refused.getMessage());
            }
        }
        int total = entries.size();
        int created = made;
        LOG.info(() -> "auth.oidc.clients-file: " + total + " clients applied, " + created + " of them new");
    }

    /** One entry; when another instance makes the same client at the same moment, once more as an update. */
    private boolean applied(ClientsFileEntry entry) {
        try {
            return clients.apply(entry);
        } catch (Refusal refused) {
            throw refused;
        } catch (RuntimeException e) {
            // The commit's unique key, however the server wraps it.
            if (!ConstraintViolations.causedBy(e)) {
                throw e;
            }
            return clients.apply(entry);
        }
    }

    /** Stops the deployment: one log line, as Ranges does for every other key. */
    private static RuntimeException refuse(String problem) {
        new Ranges().require(false, problem).enforce();
        return new IllegalStateException(problem);
    }

    static List<ClientsFileEntry> read(Path file) {
        JsonStructure json;
        try (Reader text = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                JsonReader reader = JsonFactories.PROVIDER.createReader(text)) {
            json = reader.read();
        } catch (IOException | JsonException e) {
            throw refuse("auth.oidc.clients-file " + file + " cannot be read as JSON: " + e.getMessage());
        }
        JsonArray list = json instanceof JsonArray array
                ? array
                : json instanceof JsonObject object && object.get("clients") instanceof JsonArray inner ? inner : null;
        if (list == null) {
            throw refuse(
                    "auth.oidc.clients-file " + file + " must be a JSON array of clients, or {\"clients\": [...]}");
        }
        List<ClientsFileEntry> entries = new ArrayList<>();
        for (JsonValue value : list) {
            if (!(value instanceof JsonObject client)) {
                throw refuse("auth.oidc.clients-file " + file + ": every client is an object");
            }
            entries.add(new ClientsFileEntry(
                    string(client, "client_id"),
                    new ClientMetadata(
                            string(client, "client_name"),
                            strings(client, "redirect_uris"),
                            strings(client, "post_logout_redirect_uris"),
                            string(client, "token_endpoint_auth_method"),
                            strings(client, "allowed_groups"),
                            string(client, "id_token_signed_response_alg"),
                            string(client, "access_token_signed_response_alg")),
                    string(client, "client_secret"),
                    string(client, "client_secret_sha256")));
        }
        return entries;
    }

    private static String string(JsonObject object, String field) {
        return object.get(field) instanceof JsonString text ? text.getString() : null;
    }

    private static List<String> strings(JsonObject object, String field) {
        if (!(object.get(field) instanceof JsonArray array)) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonValue value : array) {
            if (value instanceof JsonString text) {
                values.add(text.getString());
            }
        }
        return values;
    }
}
