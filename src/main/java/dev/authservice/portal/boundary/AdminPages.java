package dev.authservice.portal.boundary;

import dev.authservice.refusal.Refusal;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the admin console's pages share: the administrator of this browser's session, the pages a
 * refusal gets, the links between them, and the words of a finished action.
 */
@ApplicationScoped
public class AdminPages {

    /** The notices a finished action leaves, by the key in ?done=; nothing typed is shown back. */
    private static final Map<String, String> NOTICES = Map.of(
            "created", "The account is created.",
            "disabled", "The account is disabled, and every session of it has ended.",
            "enabled", "The account is enabled.",
            "sessions", "Every session of the account has ended.",
            "second-factor", "Two-factor authentication and the passkeys are removed, and every session has ended.",
            "password",
                    "The password is set, and every session has ended; its owner must choose their own at the"
                            + " next sign-in.",
            "groups", "The groups are saved.",
            "email", "The email address is saved, as confirmed.",
            "deleted", "The account is deleted.");

    @Inject
    PortalResponses responses;

    /**
     * Runs a page for the administrator of this browser's session: none, and the browser signs
     * in first; not an administrator, or no second factor, and a 403 page says why.
     */
    Response asAdministrator(Function<SessionToken, Response> page) {
        Optional<SessionToken> token = responses.sessionToken();
        if (token.isEmpty()) {
            return toSignIn();
        }
        try {
            return page.apply(token.get());
        } catch (Refusal refused) {
            return switch (refused.reason()) {
                case TOKEN_INVALID, TOKEN_MISSING -> toSignIn();
                case THROTTLED, HASHING_BUSY, BUSY ->
                    responses.retryLater(refused, responses.base() + "/portal/admin", "Back to the accounts");
                case NOT_FOUND ->
                    responses
                            .message(
                                    404,
                                    "Not found",
                                    "There is no such account.",
                                    responses.base() + "/portal/admin",
                                    "Back to the accounts")
                            .build();
                case FORBIDDEN ->
                    responses
                            .message(
                                    403,
                                    "Administrators only",
                                    refused.detail(),
                                    responses.base() + "/portal/account",
                                    "Your account")
                            .build();
                default ->
                    responses
                            .message(
                                    PortalResponses.statusOf(refused),
                                    "Not done",
                                    refused.detail(),
                                    responses.base() + "/portal/admin",
                                    "Back to the accounts")
                            .build();
            };
        }
    }

    /** A refusal that belongs beside the form (the policy, a rule of administration), not a page of its own. */
    static boolean formRefusal(Refusal refused) {
        return switch (refused.reason()) {
            case INVALID_REQUEST, USERNAME_TAKEN, WEAK_PASSWORD, CONFLICT -> true;
            default -> false;
        };
    }

    Response toUser(String username, String done) {
        return responses.seeOther(userHref(username, done)).build();
    }

    String userHref(String username, String done) {
        return responses.base() + "/portal/admin/user?name=" + encoded(username)
                + (done == null ? "" : "&done=" + done);
    }

    Response toSignIn() {
        return responses
                .seeOther(
                        PortalLinks.withTarget(responses.base() + "/portal/login", responses.base() + "/portal/admin"))
                .build();
    }

    static String notice(String done) {
        return done == null ? null : NOTICES.get(done);
    }

    /** Groups as typed: separated by spaces or commas. */
    static List<String> groupList(String typed) {
        return typed == null
                ? List.of()
                : Arrays.stream(typed.split("[\\s,]+"))
                        .filter(g -> !g.isEmpty())
                        .toList();
    }

    static String text(String typed) {
        return typed == null ? "" : typed;
    }

    static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
