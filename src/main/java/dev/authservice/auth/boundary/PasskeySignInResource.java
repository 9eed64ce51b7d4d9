package dev.authservice.auth.boundary;

import dev.authservice.accounts.control.Credentials;
import dev.authservice.hashing.entity.Password;
import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.passkeys.control.PasskeySettings;
import dev.authservice.passkeys.control.RelyingParty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Signing in with a passkey, for native clients and for the portal's script: the WebAuthn
 * ceremony as JSON, the options in the shape of the browser's PublicKeyCredentialRequestOptionsJSON
 * and the answer as its toJSON() gives it. META-INF/openapi.yaml documents every status.
 */
@Path("webauthn")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// One instance, as SessionsResource explains; request data comes as parameters.
@ApplicationScoped
public class PasskeySignInResource {

    @Inject
    AuthBean auth;

    @Inject
    Caller caller;

    @Inject
    PasskeySettings settings;

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
}
