package dev.authservice.admin.boundary;

import dev.authservice.auth.boundary.Caller;
import dev.authservice.http.boundary.JsonFactories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

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

    private static jakarta.json.JsonObject json(List<String> kids) {
        JsonArrayBuilder published = JsonFactories.BUILDERS.createArrayBuilder();
        kids.forEach(published::add);
        return JsonFactories.object()
                .add("signing", kids.get(0))
                .add("published", published)
                .build();
    }
}
