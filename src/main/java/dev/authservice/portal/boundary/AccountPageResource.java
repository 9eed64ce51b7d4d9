package dev.authservice.portal.boundary;

import dev.authservice.accounts.control.PasswordPolicy;
import dev.authservice.accounts.control.SecondFactor;
import dev.authservice.auth.boundary.AccountRecovery;
import dev.authservice.auth.boundary.Caller;
import dev.authservice.auth.boundary.SessionJson;
import dev.authservice.hashing.entity.Password;
import dev.authservice.passkeys.control.PasskeySettings;
import dev.authservice.passkeys.control.PasskeySummary;
import dev.authservice.portal.control.PortalCookies;
import dev.authservice.portal.control.PortalPages.Page;
import dev.authservice.portal.control.QrCodes;
import dev.authservice.refusal.Refusal;
import dev.authservice.secondfactor.control.RecoveryCodes;
import dev.authservice.selfservice.boundary.AccountOverview;
import dev.authservice.selfservice.boundary.SelfService;
import dev.authservice.sessions.entity.SessionToken;
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
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The account page: what a signed-in person can do for themselves in the browser. Each form is
 * one use case, the same the JSON API calls, with the same re-authentication; a success sends the
 * browser back to the page with a notice (post/redirect/get). An action that needs the password
 * again has a step page of its own ({@link AccountStep}), which asks for it once and shows a
 * refusal; the other forms show theirs on the account page beside the form.
 */
@Path("portal/account")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@ApplicationScoped
public class AccountPageResource {

    /** The notices a finished action leaves, by the key in ?done=; nothing typed is ever shown back. */
    private static final Map<String, String> NOTICES = Map.of(
            "password", "Your password is changed. Your other sessions have ended.",
            "email", "Your email address is saved. If it is new, open the link we sent to it to confirm it.",
            "password-reset", "Your password is set. Every other session has ended.",
            "session", "That session has ended.",
            "sessions", "Every other session has ended.",
            "totp-off", "Two-factor authentication is off.",
            "passkey-added", "Your passkey is added.",
            "passkey-renamed", "Your passkey is renamed.",
            "passkey-removed", "Your passkey is removed.");

    private static final int MAX_RECOVERY_CODES = 20;

    @Inject
    SelfService selfService;

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

    /** Who is signed in, their groups, sessions, password, second factor, passkeys, and the way out. */
    @GET
    public Response account(@QueryParam("done") String done) {
        return signedIn(token -> accountPage(token, 200, Map.of(), done == null ? null : NOTICES.get(done)));
    }

    /** The step page of one action: what it does to what, and the password (and code) it needs. */
    @GET
    @Path("step")
    public Response stepPage(@QueryParam("step") String key, @QueryParam("id") String id) {
        return signedIn(token -> AccountStep.of(key == null ? "" : key)
                .map(step -> stepPage(token, step, id, 200, null))
                .orElseGet(() -> noSuchStep()));
    }

    @POST
    @CsrfChecked
    @Path("password")
    public Response changePassword(
            @FormParam("current_password") String current,
            @FormParam("new_password") String replacement,
            @FormParam("otp") String otp) {
        return form("passwordError", token -> {
            selfService.changePassword(
                    token, password(current), blankToNull(otp), password(replacement), caller.client());
            return done("password");
        });
    }

    /** The address typed on the account page, on to its step page, which asks who is there. */
    @POST
    @CsrfChecked
    @Path("email/step")
    public Response emailStep(@FormParam("id") String email) {
        return signedIn(token -> stepPage(token, AccountStep.CHANGE_EMAIL, email, 200, null));
    }

    @POST
    @CsrfChecked
    @Path("email")
    public Response changeEmail(
            @FormParam("id") String email, @FormParam("password") String password, @FormParam("otp") String otp) {
        return step(AccountStep.CHANGE_EMAIL, email, token -> {
            selfService.changeEmail(token, password(password), blankToNull(otp), email, caller.client());
            return done("email");
        });
    }

    @POST
    @CsrfChecked
    @Path("sessions/sign-out")
    public Response signOutSession(
            @FormParam("id") String id, @FormParam("password") String password, @FormParam("otp") String otp) {
        return step(AccountStep.SIGN_OUT_SESSION, id, token -> {
            selfService.revokeSession(
                    token, id == null ? "" : id, password(password), blankToNull(otp), caller.client());
            return done("session");
        });
    }

    @POST
    @CsrfChecked
    @Path("sessions/sign-out-others")
    public Response signOutOthers(@FormParam("password") String password, @FormParam("otp") String otp) {
        return step(AccountStep.SIGN_OUT_OTHERS, null, token -> {
            selfService.revokeOtherSessions(token, password(password), blankToNull(otp), caller.client());
            return done("sessions");
        });
    }

    /** Starts TOTP enrolment: the QR code and the secret, shown once, with the form for the first code. */
    @POST
    @CsrfChecked
    @Path("totp")
    public Response enrolTotp(@FormParam("password") String password) {
        return step(AccountStep.TURN_ON_TOTP, null, token -> {
            SecondFactor.Enrolment enrolment = selfService.enrolTotp(token, password(password), caller.client());
            Map<String, Object> values = responses.values("Set up two-factor authentication");
            values.put("qr", QrCodes.pngDataUrl(enrolment.otpauthUri()));
            values.put("secret", inFours(enrolment.secret()));
            return responses.page(200, Page.TOTP_ENROLMENT, values);
        });
    }

    /** The first code turns TOTP on; the recovery codes are shown this once. */
    @POST
    @CsrfChecked
    @Path("totp/confirm")
    public Response confirmTotp(@FormParam("code") String code) {
        return form("totpError", token -> {
            List<String> codes = selfService.confirmTotp(token, code == null ? "" : code, caller.client());
            Map<String, Object> values = responses.values("Save your recovery codes");
            values.put("codes", codes);
            values.put("codesText", String.join("\n", codes));
            return responses.page(200, Page.RECOVERY_CODES, values);
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

    @POST
    @CsrfChecked
    @Path("totp/disable")
    public Response disableTotp(@FormParam("password") String password, @FormParam("otp") String otp) {
        return step(AccountStep.TURN_OFF_TOTP, null, token -> {
            selfService.disableTotp(token, password(password), otp == null ? "" : otp, caller.client());
            return done("totp-off");
        });
    }

    /** After re-authentication, the page whose button makes the passkey (the one step that needs JavaScript). */
    @POST
    @CsrfChecked
    @Path("passkeys/new")
    public Response newPasskey(@FormParam("password") String password, @FormParam("otp") String otp) {
        return step(AccountStep.ADD_PASSKEY, null, token -> {
            var options = selfService.beginPasskeyRegistration(
                    token,
                    password(password),
                    blankToNull(otp),
                    passkeySettings.relyingParty(caller.addressedOrigin()),
                    caller.client());
            Map<String, Object> values = responses.values("Add a passkey");
            values.put("options", options.toString());
            values.put("name", selfService.suggestedPasskeyName(caller.client()));
            return responses.page(200, Page.NEW_PASSKEY, values);
        });
    }

    @POST
    @CsrfChecked
    @Path("passkeys")
    public Response addPasskey(@FormParam("credential") String credential, @FormParam("name") String name) {
        return form("passkeysError", token -> {
            selfService.registerPasskey(
                    token,
                    credential == null ? "" : credential,
                    name,
                    passkeySettings.relyingParty(caller.addressedOrigin()),
                    caller.client());
            return done("passkey-added");
        });
    }

    @POST
    @CsrfChecked
    @Path("passkeys/rename")
    public Response renamePasskey(@FormParam("id") String id, @FormParam("name") String name) {
        return form("passkeysError", token -> {
            selfService.renamePasskey(token, id, name, caller.client());
            return done("passkey-renamed");
        });
    }

    @POST
    @CsrfChecked
    @Path("passkeys/remove")
    public Response removePasskey(
            @FormParam("id") String id, @FormParam("password") String password, @FormParam("otp") String otp) {
        return step(AccountStep.REMOVE_PASSKEY, id, token -> {
            selfService.removePasskey(token, id, password(password), blankToNull(otp), caller.client());
            return done("passkey-removed");
        });
    }

    /** Deletes the account after full re-authentication; the browser is signed out with it. */
    @POST
    @CsrfChecked
    @Path("delete")
    public Response deleteAccount(@FormParam("password") String password, @FormParam("otp") String otp) {
        return step(AccountStep.DELETE_ACCOUNT, null, token -> {
            selfService.deleteAccount(token, password(password), blankToNull(otp), caller.client());
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

    /** Runs a form's use case for the browser's session; a refusal shows the page again, its reason under {@code errorKey}. */
    private Response form(String errorKey, Function<SessionToken, Response> action) {
        return refusalShownOn(
                action,
                (token, refused) -> accountPage(
                        token, PortalResponses.statusOf(refused), Map.of(errorKey, message(refused)), null));
    }

    /** Runs a step's use case for the browser's session; a refusal shows the step page again, with its reason. */
    private Response step(AccountStep step, String id, Function<SessionToken, Response> action) {
        return refusalShownOn(
                action,
                (token, refused) -> stepPage(token, step, id, PortalResponses.statusOf(refused), message(refused)));
    }

    /** A use case for the browser's session: busy or throttled, a page to retry from; ended, sign-in; else {@code page}. */
    private Response refusalShownOn(
            Function<SessionToken, Response> action, BiFunction<SessionToken, Refusal, Response> page) {
        return signedIn(token -> {
            try {
                return action.apply(token);
            } catch (Refusal refused) {
                return switch (refused.reason()) {
                    case THROTTLED, HASHING_BUSY, BUSY ->
                        responses.retryLater(refused, responses.base() + "/portal/account", "Back to your account");
                    case TOKEN_INVALID, TOKEN_MISSING -> toSignIn();
                    default -> page.apply(token, refused);
                };
            }
        });
    }

    /**
     * The step page; the session or passkey it acts on is named from the person's own, so an id
     * that is not theirs (or no longer live) gets a not-found page, and nothing typed is shown.
     */
    private Response stepPage(SessionToken token, AccountStep step, String id, int status, String error) {
        AccountOverview account = selfService.account(token);
        Optional<String> what = StepDescriptions.of(step, id, account);
        if (what.isEmpty()) {
            return responses
                    .message(
                            404,
                            "Not found",
                            step == AccountStep.SIGN_OUT_SESSION
                                    ? "That session has ended already."
                                    : "There is no such passkey on your account.",
                            responses.base() + "/portal/account",
                            "Back to your account")
                    .build();
        }
        Map<String, Object> values = responses.values(step.title);
        values.put("error", error);
        values.put("what", what.get());
        values.put("action", responses.base() + "/portal/account/" + step.path);
        values.put("button", step.button);
        values.put("danger", step == AccountStep.DELETE_ACCOUNT || step == AccountStep.TURN_OFF_TOTP);
        values.put("asksForCode", step.asksForCode(account.secondFactor()));
        if (step.needsId) {
            values.put("id", id);
        }
        return responses.page(status, Page.STEP, values);
    }

    private Response noSuchStep() {
        return responses
                .message(
                        404,
                        "Not found",
                        "There is no such step.",
                        responses.base() + "/portal/account",
                        "Back to your account")
                .build();
    }

    private Response signedIn(Function<SessionToken, Response> page) {
        Optional<SessionToken> token = responses.sessionToken();
        if (token.isEmpty()) {
            return toSignIn();
        }
        try {
            return page.apply(token.get());
        } catch (Refusal notSignedIn) {
            return toSignIn();
        }
    }

    private Response accountPage(SessionToken token, int status, Map<String, String> errors, String notice) {
        AccountOverview account = selfService.account(token);
        Map<String, Object> values = responses.values("Your account");
        values.putAll(errors);
        values.put("notice", notice);
        values.put("username", account.username());
        values.put("email", account.email());
        values.put("emailVerified", account.emailVerified());
        values.put("mail", recovery.available());
        values.put("passwordChangeDue", account.passwordChangeDue());
        values.put("passwordRules", PasswordPolicy.SUMMARY);
        values.put("groups", account.groups());
        values.put("secondFactor", account.secondFactor());
        values.put("sessions", account.sessions().stream().map(SessionRows::of).toList());
        values.put("hasOtherSessions", account.sessions().stream().anyMatch(s -> !s.current()));
        values.put(
                "passkeys",
                account.passkeys().stream().map(AccountPageResource::passkeyRow).toList());
        values.put("hasPasskeys", !account.passkeys().isEmpty());
        return responses.page(status, Page.ACCOUNT, values);
    }

    private static Map<String, Object> passkeyRow(PasskeySummary passkey) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", passkey.id());
        row.put("name", passkey.name());
        row.put("createdAt", time(passkey.createdAt()));
        row.put("lastUsedAt", passkey.lastUsedAt() == null ? "never" : time(passkey.lastUsedAt()));
        return row;
    }

    private Response done(String notice) {
        return responses
                .seeOther(responses.base() + "/portal/account?done=" + notice)
                .build();
    }

    private Response toSignIn() {
        return responses.seeOther(responses.base() + "/portal/login").build();
    }

    /** The refusal's own words, but for the second factor, whose API wording names a JSON field. */
    private static String message(Refusal refused) {
        return refused.reason() == Refusal.Reason.SECOND_FACTOR_REQUIRED
                ? "Enter a current code from your authenticator app, or an unused recovery code."
                : refused.detail();
    }

    private static Password password(String typed) {
        return Password.of(typed == null ? "" : typed);
    }

    private static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed;
    }

    static String time(Instant instant) {
        return SessionJson.iso(instant).replace('T', ' ').replace("Z", " UTC");
    }

    /** A key typed by hand is read in groups of four, as authenticator apps show it; they ignore the spaces. */
    static String inFours(String key) {
        return String.join(" ", key.split("(?<=\\G.{4})"));
    }
}
