package dev.authservice.auth.boundary;

import dev.authservice.http.boundary.BearerAuthorization;
import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import dev.authservice.http.boundary.RequestClient;
import dev.authservice.http.boundary.Responses;

import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
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
import dev.authservice.accounts.control.SecondFactor;

/**
 * The second factor: enrolling a TOTP authenticator, confirming it, disabling it. Each method's
 * {@code @APIResponses} lists every status it can answer; OpenApiDocumentTest holds
 * META-INF/openapi.yaml to those lists.
 */
@Path("mfa/totp")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// One instance, as SessionsResource explains; request data comes as parameters.
@ApplicationScoped
public class MfaResource {

    @Inject
    AuthBean auth;

    @Inject
    RequestSettings config;

    @POST
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "400"),
            @APIResponse(responseCode = "401"),
            @APIResponse(responseCode = "409"),
            @APIResponse(responseCode = "413"),
            @APIResponse(responseCode = "415"),
            @APIResponse(responseCode = "429"),
            @APIResponse(responseCode = "503")})
    public Response enrol(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body,
            @Context HttpServletRequest request) {
        var token = BearerAuthorization.token(authorization);
        JsonBody json = JsonBody.read(body, config.maxBodyBytes());
        SecondFactor.Enrolment enrolment = auth.enrolTotp(token, Password.of(json.requiredString("password")), RequestClient.of(request));
        return Responses.noStore(Response.ok(JsonFactories.object()
                .add("secret", enrolment.secret())
                .add("otpauth_uri", enrolment.otpauthUri())
                .build())).build();
    }

    @POST
    @Path("confirm")
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "400"),
            @APIResponse(responseCode = "401"),
            @APIResponse(responseCode = "409"),
            @APIResponse(responseCode = "413"),
            @APIResponse(responseCode = "415"),
            @APIResponse(responseCode = "429")})
    public Response confirm(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body,
            @Context HttpServletRequest request) {
        var token = BearerAuthorization.token(authorization);
        JsonBody json = JsonBody.read(body, config.maxBodyBytes());
        List<String> codes = auth.confirmTotp(token, json.requiredString("code"), RequestClient.of(request));
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        codes.forEach(list::add);
        return Responses.noStore(Response.ok(JsonFactories.object().add("recovery_codes", list).build())).build();
    }

    @POST
    @Path("disable")
    @APIResponses({
            @APIResponse(responseCode = "200"),
            @APIResponse(responseCode = "400"),
            @APIResponse(responseCode = "401"),
            @APIResponse(responseCode = "409"),
            @APIResponse(responseCode = "413"),
            @APIResponse(responseCode = "415"),
            @APIResponse(responseCode = "429"),
            @APIResponse(responseCode = "503")})
    public Response disable(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body,
            @Context HttpServletRequest request) {
        var token = BearerAuthorization.token(authorization);
        JsonBody json = JsonBody.read(body, config.maxBodyBytes());
        auth.disableTotp(token, Password.of(json.requiredString("password")), json.requiredString("otp"), RequestClient.of(request));
        return Responses.noStore(Response.ok(JsonFactories.object().add("disabled", true).build())).build();
    }
}
