package dev.authservice.portal.boundary;

import dev.authservice.auth.boundary.Caller;
import dev.authservice.portal.control.PortalCookies;
import dev.authservice.secondfactor.control.RecoveryCodes;
import dev.authservice.selfservice.boundary.SelfService;
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
import java.util.List;
import java.util.Map;

/**
 * The account page: who is signed in, their sessions, password, email address and the way out,
 * and the step pages of its actions ({@link AccountStep}); two-factor authentication and passkeys
 * have resources of their own ({@link AccountTotpResource}, {@link AccountPasskeysResource}), and
 * all three share {@link AccountPages}. Each form is one use case, the same the JSON API calls,
 * with the same re-authentication.
 */
@Path("portal/account")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@ApplicationScoped
public class AccountPageResource {

    private static final int MAX_RECOVERY_CODES = 20;

    @Inject
    SelfService selfService;

    @Inject
    Caller caller;

    @Inject
    PortalCookies cookies;

    @Inject
    PortalResponses responses;

    @Inject
    AccountPages pages;

    /** Who is signed in, their groups, sessions, password, second factor, passkeys, and the way out. */
    @GET
    public Response account(@QueryParam("done") String done) {
        return pages.signedIn(
                token -> pages.accountPage(token, 200, Map.of(), done == null ? null : AccountPages.NOTICES.get(done)));
    }

    /** The step page of one action: what it does to what, and the password (and code) it needs. */
    @GET
    @Path("step")
    public Response stepPage(@QueryParam("step") String key, @QueryParam("id") String id) {
        return pages.signedIn(token -> AccountStep.of(key == null ? "" : key)
                .map(step -> pages.stepPage(token, step, id, 200, null))
                .orElseGet(() -> pages.noSuchStep()));
    }

    @POST
    @CsrfChecked
    @Path("password")
    public Response changePassword(
            @FormParam("current_password") String current,
            @FormParam("new_password") String replacement,
            @FormParam("otp") String otp) {
        return pages.form("passwordError", token -> {
            selfService.changePassword(
                    token,
                    AccountPages.password(current),
                    AccountPages.blankToNull(otp),
                    AccountPages.password(replacement),
                    caller.client());
            return pages.done("password");
        });
    }

    /** The address typed on the account page, on to its step page, which asks who is there. */
    @POST
    @CsrfChecked
    @Path("email/step")
    public Response emailStep(@FormParam("id") String email) {
        return pages.signedIn(token -> pages.stepPage(token, AccountStep.CHANGE_EMAIL, email, 200, null));
    }

    @POST
    @CsrfChecked
    @Path("email")
    public Response changeEmail(
            @FormParam("id") String email, @FormParam("password") String password, @FormParam("otp") String otp) {
        return pages.step(AccountStep.CHANGE_EMAIL, email, token -> {
            selfService.changeEmail(
                    token, AccountPages.password(password), AccountPages.blankToNull(otp), email, caller.client());
            return pages.done("email");
        });
    }

    @POST
    @CsrfChecked
    @Path("sessions/sign-out")
    public Response signOutSession(
            @FormParam("id") String id, @FormParam("password") String password, @FormParam("otp") String otp) {
        return pages.step(AccountStep.SIGN_OUT_SESSION, id, token -> {
            selfService.revokeSession(
                    token,
                    id == null ? "" : id,
                    AccountPages.password(password),
                    AccountPages.blankToNull(otp),
                    caller.client());
            return pages.done("session");
        });
    }

    @POST
    @CsrfChecked
    @Path("sessions/sign-out-others")
    public Response signOutOthers(@FormParam("password") String password, @FormParam("otp") String otp) {
        return pages.step(AccountStep.SIGN_OUT_OTHERS, null, token -> {
            selfService.revokeOtherSessions(
                    token, AccountPages.password(password), AccountPages.blankToNull(otp), caller.client());
            return pages.done("sessions");
        });
    }

    /**
     * The recovery codes just shown, back as a text file to save: the server keeps only their
     * hashes, so the page sends them along. Only lines that are recovery codes are written.
     */
    @POST
    @CsrfChecked
    @Path("recovery-codes.txt")
    @Produces(MediaType.TEXT_PLAIN)
    public Response recoveryCodesFile(@FormParam("codes") String codes) {
        List<String> lines = codes == null
                ? List.of()
                : codes.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()
                || lines.size() > MAX_RECOVERY_CODES
                || !lines.stream().allMatch(l -> l.length() <= 40 && RecoveryCodes.looksLikeOne(l))) {
            return responses
                    .message(
                            400,
                            "Not recovery codes",
                            "Only recovery codes can be saved this way.",
                            responses.base() + "/portal/account",
                            "Back to your account")
                    .build();
        }
        String file = "auth-service recovery codes. Each signs in once in place of a code from your app.\n\n"
                + String.join("\n", lines) + "\n";
        return responses
                .headers(Response.ok(file, MediaType.TEXT_PLAIN + ";charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"auth-service-recovery-codes.txt\"")
                .build();
    }

    /** Deletes the account after full re-authentication; the browser is signed out with it. */
    @POST
    @CsrfChecked
    @Path("delete")
    public Response deleteAccount(@FormParam("password") String password, @FormParam("otp") String otp) {
        return pages.step(AccountStep.DELETE_ACCOUNT, null, token -> {
            selfService.deleteAccount(
                    token, AccountPages.password(password), AccountPages.blankToNull(otp), caller.client());
            return responses
                    .message(
                            200,
                            "Account deleted",
                            "Your account, its sessions, second factor and passkeys are deleted.",
                            responses.base() + "/portal/login",
                            "Sign in")
                    .header(HttpHeaders.SET_COOKIE, cookies.clearSession())
                    .build();
        });
    }
}
