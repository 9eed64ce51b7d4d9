package dev.authservice.portal.boundary;

import dev.authservice.accounts.control.PasswordPolicy;
import dev.authservice.auth.boundary.AccountRecovery;
import dev.authservice.auth.boundary.SessionJson;
import dev.authservice.hashing.entity.Password;
import dev.authservice.passkeys.control.PasskeySummary;
import dev.authservice.portal.control.PortalPages.Page;
import dev.authservice.refusal.Refusal;
import dev.authservice.selfservice.boundary.AccountOverview;
import dev.authservice.selfservice.boundary.SelfService;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What the account page's resources share: the browser's session (or the way to sign-in), the
 * account page and the step pages, and how a refusal is shown: beside a form on the account page,
 * or on its step page again; busy or throttled, a page to retry from. A success sends the browser
 * back to the account page with a notice (post/redirect/get).
 */
@ApplicationScoped
public class AccountPages {

    /** The notices a finished action leaves, by the key in ?done=; nothing typed is ever shown back. */
    static final Map<String, String> NOTICES = Map.of(
            "password", "Your password is changed. Your other sessions have ended.",
            "email", "Your email address is saved. If it is new, open the link we sent to it to confirm it.",
            "password-reset", "Your password is set. Every other session has ended.",
            "session", "That session has ended.",
            "sessions", "Every other session has ended.",
            "totp-off", "Two-factor authentication is off.",
            "passkey-added", "Your passkey is added.",
            "passkey-renamed", "Your passkey is renamed.",
            "passkey-removed", "Your passkey is removed.");

    @Inject
    SelfService selfService;

    @Inject
    AccountRecovery recovery;

    @Inject
    PortalResponses responses;

    /** Runs a form's use case for the browser's session; a refusal shows the page again, its reason under {@code errorKey}. */
    Response form(String errorKey, Function<SessionToken, Response> action) {
        return refusalShownOn(
                action,
                (token, refused) -> accountPage(
                        token, PortalResponses.statusOf(refused), Map.of(errorKey, message(refused)), null));
    }

    /** Runs a step's use case for the browser's session; a refusal shows the step page again, with its reason. */
    Response step(AccountStep step, String id, Function<SessionToken, Response> action) {
        return refusalShownOn(
                action,
                (token, refused) -> stepPage(token, step, id, PortalResponses.statusOf(refused), message(refused)));
    }

    /** A use case for the browser's session: busy or throttled, a page to retry from; ended, sign-in; else {@code page}. */
    Response refusalShownOn(Function<SessionToken, Response> action, BiFunction<SessionToken, Refusal, Response> page) {
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
    Response stepPage(SessionToken token, AccountStep step, String id, int status, String error) {
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

    Response noSuchStep() {
        return responses
                .message(
                        404,
                        "Not found",
                        "There is no such step.",
                        responses.base() + "/portal/account",
                        "Back to your account")
                .build();
    }

    Response signedIn(Function<SessionToken, Response> page) {
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

    Response accountPage(SessionToken token, int status, Map<String, String> errors, String notice) {
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
                account.passkeys().stream().map(AccountPages::passkeyRow).toList());
        values.put("hasPasskeys", !account.passkeys().isEmpty());
        return responses.page(status, Page.ACCOUNT, values);
    }

    static Map<String, Object> passkeyRow(PasskeySummary passkey) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", passkey.id());
        row.put("name", passkey.name());
        row.put("createdAt", time(passkey.createdAt()));
        row.put("lastUsedAt", passkey.lastUsedAt() == null ? "never" : time(passkey.lastUsedAt()));
        return row;
    }

    Response done(String notice) {
        return responses
                .seeOther(responses.base() + "/portal/account?done=" + notice)
                .build();
    }

    Response toSignIn() {
        return responses.seeOther(responses.base() + "/portal/login").build();
    }

    /** The refusal's own words, but for the second factor, whose API wording names a JSON field. */
    static String message(Refusal refused) {
        return refused.reason() == Refusal.Reason.SECOND_FACTOR_REQUIRED
                ? "Enter a current code from your authenticator app, or an unused recovery code."
                : refused.detail();
    }

    static Password password(String typed) {
        return Password.of(typed == null ? "" : typed);
    }

    static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed;
    }

    static String time(Instant instant) {
        return SessionJson.iso(instant).replace('T', ' ').replace("Z", " UTC");
    }
}
