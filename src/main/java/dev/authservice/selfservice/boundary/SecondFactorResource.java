package dev.authservice.selfservice.boundary;

import dev.authservice.accounts.control.SecondFactor;
import dev.authservice.auth.boundary.Caller;
import dev.authservice.hashing.entity.Password;
import dev.authservice.http.boundary.JsonBody;
import dev.authservice.http.boundary.JsonFactories;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The second factor: enrolling a TOTP authenticator, confirming it, disabling it.
 * META-INF/openapi.yaml documents every status each method answers.
 */
@Path("mfa/totp")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
// One instance, as SessionsResource explains; request data comes as parameters.
@ApplicationScoped
public class SecondFactorResource {

    @Inject
    SelfService selfService;

    @Inject
    Caller caller;

    @POST
    public Response enrol(JsonBody body) {
        var token = caller.sessionToken();
        SecondFactor.Enrolment enrolment =
                selfService.enrolTotp(token, Password.of(body.requiredString("password")), caller.client());
        return Response.ok(JsonFactories.object()
                        .add("secret", enrolment.secret())
                        .add("otpauth_uri", enrolment.otpauthUri())
                        .build())
                .build();
    }

    @POST
    @Path("confirm")
    public Response confirm(JsonBody body) {
        var token = caller.sessionToken();
        List<String> codes = selfService.confirmTotp(token, body.requiredString("code"), caller.client());
        JsonArrayBuilder list = JsonFactories.BUILDERS.createArrayBuilder();
        codes.forEach(list::add);
        return Response.ok(JsonFactories.object().add("recovery_codes", list).build())
                .build();
    }

    @POST
    @Path("disable")
    public Response disable(JsonBody body) {
        var token = caller.sessionToken();
        selfService.disableTotp(
                token, Password.of(body.requiredString("password")), body.requiredString("otp"), caller.client());
        return Response.ok(JsonFactories.object().add("disabled", true).build()).build();
    }
}
