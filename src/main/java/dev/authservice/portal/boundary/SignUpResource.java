package dev.authservice.portal.boundary;

import dev.authservice.accounts.control.PasswordPolicy;
import dev.authservice.accounts.control.RegistrationSettings;
import dev.authservice.auth.boundary.AccountRecovery;
import dev.authservice.auth.boundary.AuthBean;
import dev.authservice.auth.boundary.Caller;
import dev.authservice.hashing.entity.Password;
import dev.authservice.portal.control.PortalPages.Page;
import dev.authservice.portal.control.PortalSettings;
import dev.authservice.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.Optional;

/**
 * Sign-up: a person creates an account in the browser and is signed in with it, then sent where
 * they were going. Only while auth.registration.enabled is true; otherwise the page does not
 * exist (404), as the sign-in page's link does not. The use case is POST /register's, with the
 * same rules; sign-ups are also counted per client address (auth.throttle.sign-ups-per-address-per-hour).
 */
@Path("portal/register")
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class SignUpResource {

    @Inject
    AuthBean auth;

    @Inject
    AccountRecovery recovery;

    @Inject
    Caller caller;

    @Inject
    RegistrationSettings registration;

    @Inject
    PortalSettings settings;

    @Inject
    PortalResponses responses;

    @GET
    public Response signUpPage(@QueryParam("rd") String rd) {
        if (!registration.registrationEnabled()) {
            return notFound();
        }
        Optional<String> target = responses.allowedTarget(rd);
        if (responses.currentSession().isPresent()) {
            return responses
                    .seeOther(target.orElse(settings.defaultRedirect(caller.contextPath())))
                    .build();
        }
        return form(200, Map.of(), "", "", false, target.orElse(null));
    }

    @POST
    @CsrfChecked
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signUp(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("email") String email,
            @FormParam("keep") String keep,
            @FormParam("rd") String rd) {
        if (!registration.registrationEnabled()) {
            return notFound();
        }
        String target = responses.allowedTarget(rd).orElse(null);
        String typed = username == null ? "" : username;
        String typedEmail = email == null ? "" : email;
        boolean keepSignedIn = keep != null;
        try {
            return responses.signedIn(auth.signUp(
                    typed,
                    Password.of(password == null ? "" : password),
                    typedEmail,
                    keepSignedIn,
                    target,
                    caller.client()));
        } catch (Refusal refused) {
            return switch (refused.reason()) {
                case THROTTLED, HASHING_BUSY, BUSY ->
                    responses.retryLater(
                            refused,
                            "Too many accounts were created from your network.",
                            responses.base() + "/portal/login",
                            "Back to sign-in");
                case WEAK_PASSWORD ->
                    form(400, Map.of("passwordError", refused.detail()), typed, typedEmail, keepSignedIn, target);
                case USERNAME_TAKEN ->
                    form(409, Map.of("usernameError", refused.detail()), typed, typedEmail, keepSignedIn, target);
                case CONFLICT ->
                    form(409, Map.of("emailError", refused.detail()), typed, typedEmail, keepSignedIn, target);
                case FORBIDDEN -> notFound();
                default ->
                    form(
                            400,
                            Map.of(
                                    refused.detail().contains("email") ? "emailError" : "usernameError",
                                    refused.detail()),
                            typed,
                            typedEmail,
                            keepSignedIn,
                            target);
            };
        }
    }

    private Response form(
            int status, Map<String, String> errors, String username, String email, boolean keep, String target) {
        Map<String, Object> values = responses.values("Create an account");
        values.putAll(errors);
        values.put("username", username);
        values.put("email", email);
        values.put("mail", recovery.available());
        values.put("keep", keep);
        values.put("rd", target);
        values.put("passwordRules", PasswordPolicy.SUMMARY);
        values.put("signIn", PortalLinks.withTarget(responses.base() + "/portal/login", target));
        return responses.page(status, Page.SIGN_UP, values);
    }

    private Response notFound() {
        return responses
                .message(
                        404,
                        "Not found",
                        "Accounts are created by an administrator here.",
                        responses.base() + "/portal/login",
                        "Sign in")
                .build();
    }
}
