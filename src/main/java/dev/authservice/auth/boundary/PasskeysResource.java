package dev.authservice.auth.boundary;

import dev.authservice.accounts.control.Credentials;
import dev.authservice.hashing.entity.Password;
import dev.authservice.http.boundary.Caller;
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
 * Passkeys for native clients and for the portal's script: the WebAuthn ceremonies as JSON, the
 * options in the shape of the browser's PublicKeyCredential*OptionsJSON and the answers as its
 * toJSON() gives them. META-INF/openapi.yaml documents every status each method answers.
 */
@Path("webauthn")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// One instance, as SessionsResource explains; request data comes as parameters.
@ApplicationScoped
public class PasskeysResource {

    @Inject
    AuthBean auth;

    @Inject
    Caller caller;

    @Inject
    PasskeySettings settings;

    /** Options for navigator.credentials.create, after re-authentication (password, and code when TOTP is on). */
    @POST
    @Path("register/options")
    public Response registrationOptions(JsonBody body) {
        var token = caller.sessionToken();
        JsonObject options = auth.beginPasskeyRegistration(
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
        PasskeySummary passkey = auth.registerPasskey(
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
        auth.passkeysOf(caller.sessionToken()).forEach(p -> list.add(json(p)));
        return Response.ok(JsonFactories.object().add("passkeys", list).build()).build();
    }

    @POST
    @Path("passkeys/{id}/rename")
    public Response rename(@PathParam("id") String id, JsonBody body) {
        var token = caller.sessionToken();
        PasskeySummary passkey = auth.renamePasskey(token, id, body.requiredString("name"), caller.client());
        return Response.ok(json(passkey).build()).build();
    }

    /** Removes a passkey: full re-authentication first; 404 alike for unknown and another's. */
    @POST
    @Path("passkeys/{id}/remove")
    public Response remove(@PathParam("id") String id, JsonBody body) {
        var token = caller.sessionToken();
        auth.removePasskey(
                token, id, Password.of(body.requiredString("password")), body.optionalString("otp"), caller.client());
        return Response.ok(JsonFactories.object().add("removed", true).build()).build();
    }

    /**
     * Options for navigator.credentials.get. With "username" and "password": a passkey as that
     * account's second factor. Without: a passkey alone (auth.webauthn.passwordless).
     */
    @POST
    @Path("login/options")
    public Response loginOptions(JsonBody body) {
        String username = body.optionalString("username");
        JsonObject options = username == null
                ? auth.passkeySignInOptions(relyingParty())
                : auth.passkeySecondFactorOptions(
                        new Credentials(username, Password.of(body.requiredString("password")), null),
                        relyingParty(),
                        caller.client());
        return Response.ok(JsonFactories.object().add("publicKey", options).build())
                .build();
    }

    /** Opens a session as POST /login does, with the browser's answer to the login options. */
    @POST
    @Path("login")
    public Response login(JsonBody body) {
        return TokenResponse.of(auth.signInWithPasskey(
                body.optionalString("username"),
                body.requiredObjectText("credential"),
                relyingParty(),
                caller.client()));
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
