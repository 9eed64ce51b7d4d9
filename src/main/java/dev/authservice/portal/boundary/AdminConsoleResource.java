package dev.authservice.portal.boundary;

import dev.authservice.accounts.control.PasswordPolicy;
import dev.authservice.admin.boundary.AdminActions;
import dev.authservice.admin.boundary.AdminUser;
import dev.authservice.admin.boundary.AdminUserPage;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The admin console: the help desk's pages, for members of auth.admin.group under the admin API's
 * rule (a session that proved a second factor, by default). Here the accounts, a page at a time,
 * account creation and the security events; one account's page is {@link AdminAccountResource}.
 * Every form is one use case of {@link AdminActions}, the admin API's facade; the pages add
 * nothing of their own but the words.
 */
@Path("portal/admin")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@ApplicationScoped
public class AdminConsoleResource {

    /** Accounts per page of the list. */
    static final int PAGE = 50;

    @Inject
    AdminActions admin;

    @Inject
    AdminPages pages;

    @Inject
    Caller caller;

    @Inject
    PortalResponses responses;

    @Inject
    AuditSettings auditSettings;

    @Inject
    DeviceNames devices;

    /** The accounts, by name prefix, a page at a time. */
    @GET
    public Response users(
            @QueryParam("search") String search, @QueryParam("first") String first, @QueryParam("done") String done) {
        return pages.asAdministrator(
                token -> usersPage(token, search, first(first), 200, Map.of(), AdminPages.notice(done)));
    }

    @POST
    @CsrfChecked
    @Path("users")
    public Response create(
            @FormParam("username") String username,
            @FormParam("password") String password,
            @FormParam("groups") String groups) {
        return pages.asAdministrator(token -> {
            try {
                String created = admin.createUser(
                        token,
                        AdminPages.text(username),
                        Password.of(AdminPages.text(password)),
                        AdminPages.groupList(groups),
                        caller.client());
                return pages.toUser(created, "created");
            } catch (Refusal refused) {
                if (!AdminPages.formRefusal(refused)) {
                    throw refused;
                }
                Map<String, Object> form = new HashMap<>();
                form.put("createError", refused.detail());
                form.put("newUsername", AdminPages.text(username));
                form.put("newGroups", AdminPages.text(groups));
                return usersPage(token, null, 0, PortalResponses.statusOf(refused), form, null);
            }
        });
    }

    /** The security events of every instance, newest first; ?user= narrows them to one account. */
    @GET
    @Path("events")
    public Response events(@QueryParam("user") String user) {
        return pages.asAdministrator(token -> {
            String account = AdminPages.text(user).strip();
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

    private Map<String, Object> userRow(AdminUser user) {
        Map<String, Object> row = new HashMap<>();
        row.put("username", user.username());
        row.put("href", pages.userHref(user.username(), null));
        row.put("state", user.disabled() ? "Disabled" : "Enabled");
        row.put("groups", user.groups().isEmpty() ? "none" : String.join(" ", user.groups()));
        row.put("secondFactor", user.secondFactor() ? "On" : "Off");
        row.put("lastLogin", user.lastLoginAt() == null ? "never" : AccountPages.time(user.lastLoginAt()));
        row.put("liveSessions", user.liveSessions());
        return row;
    }

    private Map<String, Object> eventRow(StoredSecurityEvent event) {
        Map<String, Object> row = new HashMap<>();
        row.put("at", AccountPages.time(event.occurredAt()));
        row.put("kind", event.kind());
        row.put("username", event.username() == null ? "" : event.username());
        row.put("target", event.target() == null ? "" : event.target());
        row.put("address", event.address() == null ? "" : event.address());
        row.put("device", event.userAgent() == null ? "" : devices.of(event.userAgent()));
        row.put("userAgent", event.userAgent() == null ? "" : event.userAgent());
        return row;
    }

    private String listHref(String search, int first) {
        return responses.base() + "/portal/admin?search=" + AdminPages.encoded(search) + "&first=" + first;
    }

    private static int first(String first) {
        try {
            return first == null ? 0 : Math.max(0, Integer.parseInt(first));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
