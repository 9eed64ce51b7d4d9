package dev.authservice.admin.boundary;

import com.nimbusds.jose.jwk.JWK;
import dev.authservice.auth.boundary.Caller;
import dev.authservice.http.boundary.JsonFactories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The OpenID provider's signing keys, for administrators: which are published, and a rotation
 * (after a suspected leak, or as a routine). The private halves never leave the database sealed.
 */
@Path("admin/signing-keys")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
public class AdminSigningKeysResource {

    @Inject
    AdminActions adminActions;

    @Inject
    Caller caller;

    @GET
    public Response keys() {
        return Response.ok(json(adminActions.signingKeys(caller.sessionToken(), caller.client())))
                .build();
    }

    @POST
    @Path("rotate")
    public Response rotate() {
        adminActions.rotateSigningKey(caller.sessionToken(), caller.client());
        return Response.ok(json(adminActions.signingKeys(caller.sessionToken(), caller.client())))
                .build();
    }

    /**
     * "signing" names the key that signs by default (RS256), "signing_keys" the one of each
     * algorithm, "published" every key of the key set, newest generation first.
     */
    private static jakarta.json.JsonObject json(List<JWK> keys) {
        JsonArrayBuilder published = JsonFactories.BUILDERS.createArrayBuilder();
        keys.forEach(key -> published.add(key.getKeyID()));
        Map<String, String> newestByAlg = new LinkedHashMap<>();
        keys.forEach(key -> newestByAlg.putIfAbsent(key.getAlgorithm().getName(), key.getKeyID()));
        JsonObjectBuilder signing = JsonFactories.object();
        newestByAlg.forEach(signing::add);
        return JsonFactories.object()
                .add("signing", keys.get(0).getKeyID())
                .add("signing_keys", signing)
                .add("published", published)
                .build();
    }
}
