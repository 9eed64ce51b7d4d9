package dev.authservice.auth.boundary;

import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.authservice.auth.control.AuthConfig;
import dev.authservice.auth.control.Credentials;
import dev.authservice.auth.control.InvalidCredentialsException;
import dev.authservice.auth.control.InvalidRequestException;
import dev.authservice.auth.control.IssuedSession;

/** The HTTP face of the service: parse the request, call {@link AuthBean}, choose the status. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    @Inject
    AuthBean auth;

    @Inject
    AuthConfig config;

    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response register(InputStream body) {
        Credentials credentials = CredentialsReader.read(body, config.maxBodyBytes());
        String username = auth.register(credentials);
        return Response.status(Response.Status.CREATED)
                .entity(Json.createObjectBuilder().add("username", username).build())
                .build();
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(InputStream body) {
        Credentials credentials;
        try {
            credentials = CredentialsReader.read(body, config.maxBodyBytes());
        } catch (InvalidRequestException e) {
            throw InvalidCredentialsException.unreadable(e.detail());
        }
        IssuedSession session = auth.login(credentials);
        return Response.ok(Json.createObjectBuilder()
                        .add("token", session.token().value())
                        .add("token_type", "Bearer")
                        .add("expires_in", session.expiresIn().toSeconds())
                        .build())
                // RFC 6749 §5.1: a response that carries a token must not be cached anywhere.
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .build();
    }

    @POST
    @Path("logout")
    public Response logout(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        auth.logout(BearerAuthorization.token(authorization));
        return Response.ok(Json.createObjectBuilder().add("revoked", 1).build())
                .header("Cache-Control", "no-store")
                .build();
    }
}
