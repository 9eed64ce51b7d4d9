package dev.authservice.selfservice.boundary;

import dev.authservice.auth.boundary.Caller;
import dev.authservice.auth.boundary.SessionJson;
import dev.authservice.hashing.entity.Password;
import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.passkeys.control.PasskeySettings;
import dev.authservice.passkeys.control.PasskeySummary;
import dev.authservice.passkeys.control.RelyingParty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A person's own passkeys, for native clients and for the portal's script: registering one (the
 * WebAuthn ceremony as JSON, the options in the shape of the browser's
 * PublicKeyCredentialCreationOptionsJSON and the answer as its toJSON() gives it), listing,
 * renaming and removing them. Signing in with one is PasskeySignInResource's. META-INF/openapi.yaml documents every status each method answers.
 */
@Path("webauthn")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// One instance, as SessionsResource explains; request data comes as parameters.
@ApplicationScoped
public class PasskeysResource {

    @Inject
    SelfService selfService;

    @Inject
    Caller caller;

    @Inject
    PasskeySettings settings;

    /** Options for navigator.credentials.create, after re-authentication (password, and code when TOTP is on). */
    @POST
    @Path("register/options")
    public Response registrationOptions(JsonBody body) {
        var token = caller.sessionToken();
        JsonObject options = selfService.beginPasskeyRegistration(
                token,
                Password.of(body.requiredString("password")),
                body.optionalString("otp"),
                relyingParty(),
                caller.client());
        return Response.ok(JsonFactories.object().add("publicKey", options).build())
                .build();
    }

    @POST
    @Path("register")
    public Response register(JsonBody body) {
        var token = caller.sessionToken();
        PasskeySummary passkey = selfService.registerPasskey(
                token,
                body.requiredObjectText("credential"),
                body.optionalString("name"),
                relyingParty(),
                caller.client());
        return Response.status(Response.Status.CREATED)
                .entity(json(passkey).build())
                .build();
    }

    @GET
    @Path("passkeys")
    public Response passkeys() {
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        selfService.passkeysOf(caller.sessionToken()).forEach(p -> list.add(json(p)));
        return Response.ok(JsonFactories.object().add("passkeys", list).build()).build();
    }

    @POST
    @Path("passkeys/{id}/rename")
    public Response rename(@PathParam("id") String id, JsonBody body) {
        var token = caller.sessionToken();
        PasskeySummary passkey = selfService.renamePasskey(token, id, body.requiredString("name"), caller.client());
        return Response.ok(json(passkey).build()).build();
    }

    /** Removes a passkey: full re-authentication first; 404 alike for unknown and another's. */
    @POST
    @Path("passkeys/{id}/remove")
    public Response remove(@PathParam("id") String id, JsonBody body) {
        var token = caller.sessionToken();
        selfService.removePasskey(
                token, id, Password.of(body.requiredString("password")), body.optionalString("otp"), caller.client());
        return Response.ok(JsonFactories.object().add("removed", true).build()).build();
    }

    private RelyingParty relyingParty() {
        return settings.relyingParty(caller.addressedOrigin());
    }

    private static JsonObjectBuilder json(PasskeySummary passkey) {
        JsonObjectBuilder json = JsonFactories.object()
                .add("id", passkey.id())
                .add("name", passkey.name())
                .add("created_at", SessionJson.iso(passkey.createdAt()));
        if (passkey.lastUsedAt() != null) {
            json.add("last_used_at", SessionJson.iso(passkey.lastUsedAt()));
        } else {
            json.addNull("last_used_at");
        }
        return json;
    }
}
