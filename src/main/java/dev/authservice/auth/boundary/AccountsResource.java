package dev.authservice.auth.boundary;

import dev.authservice.http.boundary.BearerAuthorization;
import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.http.boundary.RequestClient;
import dev.authservice.http.boundary.Responses;

import java.io.InputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;

import dev.authservice.http.boundary.RequestSettings;
import dev.authservice.hashing.entity.Password;

/**
 * Accounts: registering one, changing its password, deleting it. Each method's {@code @APIResponses} lists
 * every status it can answer; OpenApiDocumentTest holds META-INF/openapi.yaml to those lists.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// One instance, as SessionsResource explains; request data comes as parameters.
@ApplicationScoped
public class AccountsResource {

    @Inject
    AuthBean auth;

    @Inject
    RequestSettings config;

    @POST
    @Path("register")
    @APIResponses({
            @APIResponse(responseCode = "201"),
            @APIResponse(responseCode = "400"),
            @APIResponse(responseCode = "413"),
            @APIResponse(responseCode = "415"),
            @APIResponse(responseCode = "503")})
    public Response register(InputStream body, @Context HttpServletRequest request) {
        JsonBody json = JsonBody.read(body, config.maxBodyBytes());
        String username = auth.register(json.requiredString("username"), Password.of(json.requiredString("password")), RequestClient.of(request));
        return Response.status(Response.Status.CREATED)
                .entity(JsonFactories.object().add("username", username).build())
                .build();
    }

    @POST
    @Path("password")
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "400"),
            @APIResponse(responseCode = "401"),
            @APIResponse(responseCode = "413"),
            @APIResponse(responseCode = "415"),
            @APIResponse(responseCode = "429"),
            @APIResponse(responseCode = "503")})
    public Response changePassword(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body,
            @Context HttpServletRequest request) {
        var token = BearerAuthorization.token(authorization);
        JsonBody json = JsonBody.read(body, config.maxBodyBytes());
        Password current = Password.of(json.requiredString("current_password"));
        Password replacement = Password.of(json.requiredString("new_password"));
        String username = auth.changePassword(token, current, json.optionalString("otp"), replacement, RequestClient.of(request));
        return Responses.noStore(Response.ok(JsonFactories.object().add("username", username).build())).build();
    }

    /** Deletes the account, its second factor and every session: full re-authentication first. */
    @POST
    @Path("account/delete")
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "400"),
            @APIResponse(responseCode = "401"),
            @APIResponse(responseCode = "413"),
            @APIResponse(responseCode = "415"),
            @APIResponse(responseCode = "429"),
            @APIResponse(responseCode = "503")})
    public Response deleteAccount(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body,
            @Context HttpServletRequest request) {
        var token = BearerAuthorization.token(authorization);
        JsonBody json = JsonBody.read(body, config.maxBodyBytes());
        auth.deleteAccount(token, Password.of(json.requiredString("password")), json.optionalString("otp"), RequestClient.of(request));
        return Responses.noStore(Response.ok(JsonFactories.object().add("deleted", true).build())).build();
    }
}
