package dev.authservice.portal.boundary;

import dev.authservice.accounts.control.PasswordPolicy;
import dev.authservice.admin.boundary.AdminActions;
import dev.authservice.admin.boundary.AdminUser;
import dev.authservice.admin.boundary.AdminUserPage;
import dev.authservice.admin.control.AdminSettings;
import dev.authservice.audit.control.AuditSettings;
import dev.authservice.audit.control.SecurityEventStore;
import dev.authservice.audit.entity.StoredSecurityEvent;
import dev.authservice.auth.boundary.Caller;
import dev.authservice.devices.control.DeviceNames;
import dev.authservice.hashing.entity.Password;
import dev.authservice.portal.control.PortalPages.Page;
import dev.authservice.refusal.Refusal;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The admin console: the help desk's pages, for members of auth.admin.group under the admin API's
 * rule (a session that proved a second factor, by default). Every form is one use case of
 * {@link AdminActions}, the admin API's facade, which checks the administrator on each call; the
 * pages add nothing of their own but the words. An account is named by a query parameter or a
 * form field, never a path segment, so that any username (a "/" included) reaches it unchanged.
 */
@Path("portal/admin")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@ApplicationScoped
public class AdminConsoleResource {

    /** Accounts per page of the list. */
    static final int PAGE = 50;

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
            "deleted", "The account is deleted.");

    @Inject
    AdminActions admin;

    @Inject
    AdminSettings adminSettings;

    @Inject
    AuditSettings auditSettings;

    @Inject
    DeviceNames devices;

    @Inject
    Caller caller;

    @Inject
    PortalResponses responses;

    /** The accounts, by name prefix, a page at a time. */
    @GET
    public Response users(
            @QueryParam("search") String search, @QueryParam("first") String first, @QueryParam("done") String done) {
        return asAdministrator(token -> usersPage(token, search, first(first), 200, Map.of(), notice(done)));
    }

    @POST
    @CsrfChecked
    @Path("users")
    public Response create(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("groups") String groups) {
        return asAdministrator(token -> {
            try {
                String created = admin.createUser(
                        token, text(username), Password.of(text(password)), groupList(groups), caller.client());
                return toUser(created, "created");
            } catch (Refusal refused) {
                if (!formRefusal(refused)) {
                    throw refused;
                }
                Map<String, Object> form = new HashMap<>();
                form.put("createError", refused.detail());
                form.put("newUsername", text(username));
                form.put("newGroups", text(groups));
                return usersPage(token, null, 0, PortalResponses.statusOf(refused), form, null);
            }
        });
    }

    /** One account: its state, groups, sessions, and what an administrator may do to it. */
    @GET
    @Path("user")
    public Response user(@QueryParam("name") String name, @QueryParam("done") String done) {
        return asAdministrator(token -> userPage(token, text(name), 200, null, notice(done)));
    }

    @POST
    @CsrfChecked
    @Path("user/disable")
    public Response disable(@FormParam("username") String username) {
        return onUser(username, "disabled", (token, name) -> admin.disableUser(token, name, caller.client()));
    }

    @POST
    @CsrfChecked
    @Path("user/enable")
    public Response enable(@FormParam("username") String username) {
        return onUser(username, "enabled", (token, name) -> {
            admin.enableUser(token, name, caller.client());
            return 0;
        });
    }

    @POST
    @CsrfChecked
    @Path("user/logout")
    public Response endSessions(@FormParam("username") String username) {
        return onUser(username, "sessions", (token, name) -> admin.logoutUser(token, name, caller.client()));
    }

    @POST
    @CsrfChecked
    @Path("user/second-factor-reset")
    public Response resetSecondFactor(@FormParam("username") String username) {
        return onUser(
                username, "second-factor", (token, name) -> admin.resetSecondFactor(token, name, caller.client()));
    }

    @POST
    @CsrfChecked
    @Path("user/password")
    public Response setPassword(@FormParam("username") String username, @FormParam("password") String password) {
        return onUser(
                username,
                "password",
                (token, name) -> admin.setPassword(token, name, Password.of(text(password)), caller.client()));
    }

    @POST
    @CsrfChecked
    @Path("user/groups")
    public Response setGroups(@FormParam("username") String username, @FormParam("groups") String groups) {
        return onUser(username, "groups", (token, name) -> {
            admin.setGroups(token, name, groupList(groups), caller.client());
            return 0;
        });
    }

    /** The confirmation step of a deletion: what goes, and the button that deletes. */
    @GET
    @Path("user/delete")
    public Response confirmDeletion(@QueryParam("name") String name) {
        return asAdministrator(token -> {
            AdminUser user = admin.user(token, text(name), caller.client());
            Map<String, Object> values = responses.values("Delete an account");
            values.put("username", user.username());
            values.put("cancelHref", userHref(user.username(), null));
            return responses.page(200, Page.ADMIN_DELETE, values);
        });
    }

    @POST
    @CsrfChecked
    @Path("user/delete")
    public Response delete(@FormParam("username") String username) {
        return asAdministrator(token -> {
            try {
                admin.deleteUser(token, text(username), caller.client());
                return responses
                        .seeOther(responses.base() + "/portal/admin?done=deleted")
                        .build();
            } catch (Refusal refused) {
                if (!formRefusal(refused)) {
                    throw refused;
                }
                return userPage(token, text(username), PortalResponses.statusOf(refused), refused.detail(), null);
            }
        });
    }

    /** The security events of every instance, newest first; ?user= narrows them to one account. */
    @GET
    @Path("events")
    public Response events(@QueryParam("user") String user) {
        return asAdministrator(token -> {
            String account = text(user).strip();
            List<StoredSecurityEvent> events = admin.events(
                    token, account.isEmpty() ? null : account, SecurityEventStore.MAX_SHOWN, caller.client());
            Map<String, Object> values = responses.values("Security events");
            values.put("user", account);
            values.put("max", SecurityEventStore.MAX_SHOWN);
            values.put("retention", Durations.inWords(auditSettings.retention()));
            values.put("events", events.stream().map(this::eventRow).toList());
            return responses.page(200, Page.ADMIN_EVENTS, values);
        });
    }

    private Response usersPage(
            SessionToken token, String search, int first, int status, Map<String, Object> form, String notice) {
        String prefix = search == null ? "" : search.strip();
        AdminUserPage page = admin.listUsers(token, prefix, first, PAGE, caller.client());
        Map<String, Object> values = responses.values("Administration");
        values.putAll(form);
        values.put("notice", notice);
        values.put("search", prefix);
        values.put("pageSize", PAGE);
        values.put("passwordRules", PasswordPolicy.SUMMARY);
        values.put("users", page.users().stream().map(this::userRow).toList());
        if (first > 0) {
            values.put("previous", listHref(prefix, Math.max(0, first - PAGE)));
        }
        if (page.more()) {
            values.put("next", listHref(prefix, first + PAGE));
        }
        return responses.page(status, Page.ADMIN_USERS, values);
    }

    private Response userPage(SessionToken token, String name, int status, String error, String notice) {
        AdminUser user = admin.user(token, name, caller.client());
        Map<String, Object> values = responses.values(user.username());
        values.put("error", error);
        values.put("notice", notice);
        values.put("username", user.username());
        values.put("state", user.disabled() ? "Disabled" : "Enabled");
        values.put("disabled", user.disabled());
        values.put("secondFactor", user.secondFactor() ? "On" : "Off");
        values.put("passkeys", user.passkeys());
        values.put(
                "password",
                user.passwordChangeDue()
                        ? "Set by an administrator: to be changed at the next sign-in"
                        : "Chosen by its owner");
        values.put("createdAt", AccountPageResource.time(user.createdAt()));
        values.put("lastLogin", user.lastLoginAt() == null ? "never" : AccountPageResource.time(user.lastLoginAt()));
        values.put("groups", String.join(" ", user.groups()));
        values.put("adminGroup", adminSettings.adminGroup());
        values.put("sessions", user.sessions().stream().map(SessionRows::of).toList());
        values.put("passwordRules", PasswordPolicy.SUMMARY);
        values.put("eventsHref", responses.base() + "/portal/admin/events?user=" + encoded(user.username()));
        values.put("deleteHref", responses.base() + "/portal/admin/user/delete?name=" + encoded(user.username()));
        return responses.page(status, Page.ADMIN_USER, values);
    }

    /** Runs an action on one account; done, back to its page with a notice, refused, its page with the reason. */
    private Response onUser(String username, String done, BiFunction<SessionToken, String, Integer> action) {
        String name = text(username);
        return asAdministrator(token -> {
            try {
                action.apply(token, name);
                return toUser(name, done);
            } catch (Refusal refused) {
                if (!formRefusal(refused)) {
                    throw refused;
                }
                return userPage(token, name, PortalResponses.statusOf(refused), refused.detail(), null);
            }
        });
    }

    /**
     * Runs a page for the administrator of this browser's session: none, and the browser signs
     * in first; not an administrator, or no second factor, and a 403 page says why.
     */
    private Response asAdministrator(Function<SessionToken, Response> page) {
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
    private static boolean formRefusal(Refusal refused) {
        return switch (refused.reason()) {
            case INVALID_REQUEST, USERNAME_TAKEN, WEAK_PASSWORD, CONFLICT -> true;
            default -> false;
        };
    }

    private Map<String, Object> userRow(AdminUser user) {
        Map<String, Object> row = new HashMap<>();
        row.put("username", user.username());
        row.put("href", userHref(user.username(), null));
        row.put("state", user.disabled() ? "Disabled" : "Enabled");
        row.put("groups", user.groups().isEmpty() ? "none" : String.join(" ", user.groups()));
        row.put("secondFactor", user.secondFactor() ? "On" : "Off");
        row.put("lastLogin", user.lastLoginAt() == null ? "never" : AccountPageResource.time(user.lastLoginAt()));
        row.put("liveSessions", user.liveSessions());
        return row;
    }

    private Map<String, Object> eventRow(StoredSecurityEvent event) {
        Map<String, Object> row = new HashMap<>();
        row.put("at", AccountPageResource.time(event.occurredAt()));
        row.put("kind", event.kind());
        row.put("username", event.username() == null ? "" : event.username());
        row.put("target", event.target() == null ? "" : event.target());
        row.put("address", event.address() == null ? "" : event.address());
        row.put("device", event.userAgent() == null ? "" : devices.of(event.userAgent()));
        row.put("userAgent", event.userAgent() == null ? "" : event.userAgent());
        return row;
    }

    private Response toUser(String username, String done) {
        return responses.seeOther(userHref(username, done)).build();
    }

    private String userHref(String username, String done) {
        return responses.base() + "/portal/admin/user?name=" + encoded(username)
                + (done == null ? "" : "&done=" + done);
    }

    private String listHref(String search, int first) {
        return responses.base() + "/portal/admin?search=" + encoded(search) + "&first=" + first;
    }

    private Response toSignIn() {
        return responses
                .seeOther(
                        PortalLinks.withTarget(responses.base() + "/portal/login", responses.base() + "/portal/admin"))
                .build();
    }

    private static String notice(String done) {
        return done == null ? null : NOTICES.get(done);
    }

    private static int first(String first) {
        try {
            return first == null ? 0 : Math.max(0, Integer.parseInt(first));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    /** Groups as typed: separated by spaces or commas. */
    private static List<String> groupList(String typed) {
        return typed == null
                ? List.of()
                : Arrays.stream(typed.split("[\\s,]+"))
                        .filter(g -> !g.isEmpty())
                        .toList();
    }

    private static String text(String typed) {
        return typed == null ? "" : typed;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
