package dev.authservice.portal.boundary;

import dev.authservice.accounts.control.PasswordPolicy;
import dev.authservice.admin.boundary.AdminActions;
import dev.authservice.admin.boundary.AdminUser;
import dev.authservice.admin.control.AdminSettings;
import dev.authservice.auth.boundary.Caller;
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
import java.util.Map;
import java.util.function.BiFunction;

/**
 * One account in the admin console: its state, groups and sessions, and every action of the
 * admin API on it as a form; deletion behind a confirmation page. Each form is one use case of
 * {@link AdminActions}, which checks the administrator on each call. The account is named by a
 * query parameter or a form field, never a path segment, so that any username (a "/" included)
 * reaches it unchanged.
 */
@Path("portal/admin/user")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@ApplicationScoped
public class AdminAccountResource {

    @Inject
    AdminActions admin;

    @Inject
    AdminPages pages;

    @Inject
    Caller caller;

    @Inject
    PortalResponses responses;

    @Inject
    AdminSettings adminSettings;

    /** One account: its state, groups, sessions, and what an administrator may do to it. */
    @GET
    public Response user(@QueryParam("name") String name, @QueryParam("done") String done) {
        return pages.asAdministrator(
                token -> userPage(token, AdminPages.text(name), 200, null, AdminPages.notice(done)));
    }

    @POST
    @CsrfChecked
    @Path("disable")
    public Response disable(@FormParam("username") String username) {
        return onUser(username, "disabled", (token, name) -> admin.disableUser(token, name, caller.client()));
    }

    @POST
    @CsrfChecked
    @Path("enable")
    public Response enable(@FormParam("username") String username) {
        return onUser(username, "enabled", (token, name) -> {
            admin.enableUser(token, name, caller.client());
            return 0;
        });
    }

    @POST
    @CsrfChecked
    @Path("logout")
    public Response endSessions(@FormParam("username") String username) {
        return onUser(username, "sessions", (token, name) -> admin.logoutUser(token, name, caller.client()));
    }

    @POST
    @CsrfChecked
    @Path("second-factor-reset")
    public Response resetSecondFactor(@FormParam("username") String username) {
        return onUser(
                username, "second-factor", (token, name) -> admin.resetSecondFactor(token, name, caller.client()));
    }

    @POST
    @CsrfChecked
    @Path("password")
    public Response setPassword(@FormParam("username") String username, @FormParam("password") String password) {
        return onUser(
                username,
                "password",
                (token, name) ->
                        admin.setPassword(token, name, Password.of(AdminPages.text(password)), caller.client()));
    }

    @POST
    @CsrfChecked
    @Path("groups")
    public Response setGroups(@FormParam("username") String username, @FormParam("groups") String groups) {
        return onUser(username, "groups", (token, name) -> {
            admin.setGroups(token, name, AdminPages.groupList(groups), caller.client());
            return 0;
        });
    }

    @POST
    @CsrfChecked
    @Path("email")
    public Response setEmail(@FormParam("username") String username, @FormParam("email") String email) {
        return onUser(username, "email", (token, name) -> {
            admin.setEmail(token, name, AdminPages.text(email), caller.client());
            return 0;
        });
    }

    /** The confirmation step of a deletion: what goes, and the button that deletes. */
    @GET
    @Path("delete")
    public Response confirmDeletion(@QueryParam("name") String name) {
        return pages.asAdministrator(token -> {
            AdminUser user = admin.user(token, AdminPages.text(name), caller.client());
            Map<String, Object> values = responses.values("Delete an account");
            values.put("username", user.username());
            values.put("cancelHref", pages.userHref(user.username(), null));
            return responses.page(200, Page.ADMIN_DELETE, values);
        });
    }

    @POST
    @CsrfChecked
    @Path("delete")
    public Response delete(@FormParam("username") String username) {
        return pages.asAdministrator(token -> {
            try {
                admin.deleteUser(token, AdminPages.text(username), caller.client());
                return responses
                        .seeOther(responses.base() + "/portal/admin?done=deleted")
                        .build();
            } catch (Refusal refused) {
                if (!AdminPages.formRefusal(refused)) {
                    throw refused;
                }
                return userPage(
                        token, AdminPages.text(username), PortalResponses.statusOf(refused), refused.detail(), null);
            }
        });
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
        values.put("createdAt", AccountPages.time(user.createdAt()));
        values.put("lastLogin", user.lastLoginAt() == null ? "never" : AccountPages.time(user.lastLoginAt()));
        values.put("groups", String.join(" ", user.groups()));
        values.put("email", user.email() == null ? "" : user.email());
        values.put(
                "emailState",
                user.email() == null ? "No address" : user.emailVerified() ? "Confirmed" : "Not confirmed yet");
        values.put("adminGroup", adminSettings.adminGroup());
        values.put("sessions", user.sessions().stream().map(SessionRows::of).toList());
        values.put("passwordRules", PasswordPolicy.SUMMARY);
        values.put("eventsHref", responses.base() + "/portal/admin/events?user=" + AdminPages.encoded(user.username()));
        values.put(
                "deleteHref",
                responses.base() + "/portal/admin/user/delete?name=" + AdminPages.encoded(user.username()));
        return responses.page(status, Page.ADMIN_USER, values);
    }

    /** Runs an action on one account; done, back to its page with a notice, refused, its page with the reason. */
    private Response onUser(String username, String done, BiFunction<SessionToken, String, Integer> action) {
        String name = AdminPages.text(username);
        return pages.asAdministrator(token -> {
            try {
                action.apply(token, name);
                return pages.toUser(name, done);
            } catch (Refusal refused) {
                if (!AdminPages.formRefusal(refused)) {
                    throw refused;
                }
                return userPage(token, name, PortalResponses.statusOf(refused), refused.detail(), null);
            }
        });
    }
}
