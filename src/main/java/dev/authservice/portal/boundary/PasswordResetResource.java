package dev.authservice.portal.boundary;

import dev.authservice.accounts.control.PasswordPolicy;
import dev.authservice.auth.boundary.AccountRecovery;
import dev.authservice.auth.boundary.Caller;
import dev.authservice.auth.control.PortalSignIn;
import dev.authservice.hashing.entity.Password;
import dev.authservice.passkeys.control.PasskeySettings;
import dev.authservice.passkeys.control.RelyingParty;
import dev.authservice.portal.control.PortalCookies;
import dev.authservice.portal.control.PortalPages.Page;
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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * "Forgot your password?" and the pages its link opens; also the page of an address's
 * verification link. Only while mail is configured; otherwise each says so (404). The reset
 * link's token leaves the address bar at once: its page moves it into a cookie and reloads
 * without it. Every use case is {@link AccountRecovery}'s.
 */
@Path("portal")
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class PasswordResetResource {

    private static final String DEAD_LINK = "This link has expired or has already been used. Ask for a new one.";

    @Inject
    AccountRecovery recovery;

    @Inject
    Caller caller;

    @Inject
    PortalCookies cookies;

    @Inject
    PasskeySettings passkeySettings;

    @Inject
    PortalResponses responses;

    @GET
    @Path("forgot")
    public Response forgotPage() {
        if (!recovery.available()) {
            return unavailable();
        }
        return forgotForm(false);
    }

    /** The same answer, in the same time, whether or not the name or address is an account's. */
    @POST
    @CsrfChecked
    @Path("forgot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response forgot(@FormParam("identifier") String identifier) {
        if (!recovery.available()) {
            return unavailable();
        }
        if (identifier == null || identifier.isBlank()) {
            return forgotForm(false);
        }
        try {
            recovery.requestReset(identifier, caller.client());
        } catch (Refusal refused) {
            return responses.retryLater(
                    refused,
                    "Too many password resets were asked for this account or from your network.",
                    responses.base() + "/portal/login",
                    "Back to sign-in");
        }
        return forgotForm(true);
    }

    /** The link from the message: its token goes into a cookie, and the page reloads without it. */
    @GET
    @Path("reset")
    public Response resetPage(@QueryParam("token") String token) {
        if (!recovery.available()) {
            return unavailable();
        }
        if (token != null) {
            try {
                recovery.checkResetLink(token);
            } catch (Refusal dead) {
                return deadLink();
            }
            return responses
                    .seeOther(responses.base() + "/portal/reset")
                    .header(HttpHeaders.SET_COOKIE, cookies.reset(token))
                    .build();
        }
        return resetForm(200, null);
    }

    @POST
    @CsrfChecked
    @Path("reset/second-factor")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response proveCode(@FormParam("code") String code) {
        try {
            recovery.proveCode(resetToken(), code == null ? "" : code, caller.client());
        } catch (Refusal refused) {
            return refusedStep(refused, "That code was not accepted. Try again.");
        }
        return responses.seeOther(responses.base() + "/portal/reset").build();
    }

    @POST
    @CsrfChecked
    @Path("reset/passkey")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response provePasskey(@FormParam("credential") String credential) {
        try {
            recovery.provePasskey(resetToken(), credential == null ? "" : credential, relyingParty(), caller.client());
        } catch (Refusal refused) {
            return refusedStep(refused, "That passkey was not accepted. Try again.");
        }
        return responses.seeOther(responses.base() + "/portal/reset").build();
    }

    /** The new password: set, every other way in ended, and this browser signed in. */
    @POST
    @CsrfChecked
    @Path("reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reset(@FormParam("password") String password) {
        try {
            PortalSignIn step =
                    recovery.reset(resetToken(), Password.of(password == null ? "" : password), caller.client());
            Response signedIn = responses.signedIn(PortalSignIn.signedIn(
                    step.session(), false, responses.base() + "/portal/account?done=password-reset"));
            return Response.fromResponse(signedIn)
                    .header(HttpHeaders.SET_COOKIE, cookies.clearReset())
                    .build();
        } catch (Refusal refused) {
            return switch (refused.reason()) {
                case WEAK_PASSWORD -> resetForm(400, refused.detail());
                case SECOND_FACTOR_REQUIRED -> resetForm(401, null);
                case HASHING_BUSY, BUSY ->
                    responses.retryLater(refused, responses.base() + "/portal/reset", "Try again");
                default -> deadLink();
            };
        }
    }

    @GET
    @Path("verify-email")
    public Response verifyPage(@QueryParam("token") String token) {
        try {
            Map<String, Object> values = responses.values("Confirm your email address");
            values.put("address", recovery.addressToVerify(token));
            values.put("token", token);
            return responses.page(200, Page.VERIFY_EMAIL, values);
        } catch (Refusal dead) {
            return deadLink();
        }
    }

    @POST
    @CsrfChecked
    @Path("verify-email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response verify(@FormParam("token") String token) {
        try {
            recovery.verifyAddress(token, caller.client());
        } catch (Refusal dead) {
            return deadLink();
        }
        return responses
                .message(
                        200,
                        "Address confirmed",
                        "Your email address is confirmed.",
                        responses.base() + "/portal/account",
                        "Your account")
                .build();
    }

    private String resetToken() {
        String token = caller.cookie(cookies.resetName());
        if (token == null) {
            throw Refusal.notFound(DEAD_LINK);
        }
        return token;
    }

    private Response refusedStep(Refusal refused, String wrong) {
        return switch (refused.reason()) {
            case THROTTLED, HASHING_BUSY, BUSY ->
                responses.retryLater(refused, responses.base() + "/portal/reset", "Try again");
            case SECOND_FACTOR_REQUIRED, PASSKEY_REFUSED -> resetForm(401, wrong);
            default -> deadLink();
        };
    }

    /** The page of the link in this browser's cookie: the second factor first, then the new password. */
    private Response resetForm(int status, String error) {
        try {
            String token = resetToken();
            AccountRecovery.ResetStep step = recovery.resetStep(token);
            Map<String, Object> values = responses.values("Choose a new password");
            values.put("username", step.username());
            values.put("error", error);
            values.put("passwordRules", PasswordPolicy.SUMMARY);
            if (step.secondFactorNeeded()) {
                values.put("secondFactor", true);
                values.put("hasCode", step.hasCode());
                recovery.resetPasskeyOptions(token, relyingParty())
                        .ifPresent(options -> values.put("passkeyOptions", options.toString()));
            }
            return responses.page(status, Page.RESET, values);
        } catch (Refusal dead) {
            return deadLink();
        }
    }

    private Response forgotForm(boolean sent) {
        Map<String, Object> values = responses.values("Reset your password");
        values.put("sent", sent);
        return responses.page(200, Page.FORGOT, values);
    }

    private Response deadLink() {
        return responses
                .message(404, "Link expired", DEAD_LINK, responses.base() + "/portal/forgot", "Ask for a new link")
                .header(HttpHeaders.SET_COOKIE, cookies.clearReset())
                .build();
    }

    private Response unavailable() {
        return responses
                .message(
                        404,
                        "Not available",
                        "Passwords are not reset by email here. Ask an administrator to set a new one.",
                        responses.base() + "/portal/login",
                        "Back to sign-in")
                .build();
    }

    private RelyingParty relyingParty() {
        return passkeySettings.relyingParty(caller.addressedOrigin());
    }
}
