package dev.authservice.portal.boundary;

import dev.authservice.oidc.boundary.Issuer;
import dev.authservice.oidc.boundary.OpenIdSignIns;
import dev.authservice.oidc.control.Authorization;
import dev.authservice.oidc.control.AuthorizationRequest;
import dev.authservice.oidc.control.SignOut;
import dev.authservice.portal.control.PortalCookies;
import dev.authservice.portal.control.PortalPages.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The OpenID provider's pages, the browser's side of it: the authorization endpoint, which sends
 * a person through the portal's sign-in and back to the client with a code, and RP-initiated
 * logout. Every decision is OpenIdSignIns'; this turns them into redirects and pages.
 */
@Path("oauth2")
@Produces(MediaType.TEXT_HTML)
@ApplicationScoped
public class OpenIdPagesResource {

    /** Where a return to the authorization endpoint may be stored (a pending sign-in keeps 2048 characters). */
    static final int MAX_RETURN_URL = 2048;

    @Inject
    OpenIdSignIns provider;

    @Inject
    Issuer issuer;

    @Inject
    PortalResponses responses;

    @Inject
    BrowserCookies browser;

    @Inject
    PortalCookies cookies;

    @GET
    @Path("authorize")
    public Response authorize(@Context UriInfo uri, @Context HttpServletRequest request) {
        return answer(AuthorizationRequest.of(uri.getQueryParameters()), request);
    }

    /** The same request sent as a form (OpenID Connect Core, section 3.1.2.1). */
    @POST
    @Path("authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response authorizeByForm(MultivaluedMap<String, String> form, @Context HttpServletRequest request) {
        return answer(AuthorizationRequest.of(form), request);
    }

    private Response answer(AuthorizationRequest authorizationRequest, HttpServletRequest request) {
        Authorization outcome = provider.authorize(authorizationRequest, browser.session(), issuer.of(request));
        if (outcome instanceof Authorization.Refused refused) {
            return refusedPage("Sign-in request refused", refused.message());
        }
        if (outcome instanceof Authorization.Failed failed) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("error", failed.error());
            fields.put("error_description", failed.description());
            putIfSet(fields, "state", failed.state());
            fields.put("iss", issuer.of(request));
            return back(failed.redirectUri(), fields, failed.formPost(), "the application");
        }
        if (outcome instanceof Authorization.SignInNeeded signIn) {
            String returnUrl = responses.base() + "/oauth2/authorize?" + signIn.returnQuery();
            if (returnUrl.length() > MAX_RETURN_URL) {
                return refusedPage("Sign-in request refused", "This sign-in request is too long.");
            }
            StringBuilder login = new StringBuilder(responses.base())
                    .append("/portal/login?rd=")
                    .append(encoded(returnUrl));
            if (signIn.fresh()) {
                login.append("&prompt=login");
            }
            if (signIn.loginHint() != null) {
                login.append("&login_hint=").append(encoded(signIn.loginHint()));
            }
            return responses.seeOther(login.toString()).build();
        }
        if (outcome instanceof Authorization.NoAccess noAccess) {
            Map<String, Object> values = responses.values("No access");
            values.put("username", noAccess.username());
            values.put("application", noAccess.clientName());
            values.put("account", responses.base() + "/portal/account");
            return responses.page(403, Page.NO_ACCESS, values);
        }
        if (outcome instanceof Authorization.PasswordChangeDue) {
            return responses.seeOther(responses.base() + "/portal/account").build();
        }
        Authorization.Approved approved = (Authorization.Approved) outcome;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("code", approved.code());
        putIfSet(fields, "state", approved.state());
        fields.put("iss", approved.issuer());
        return back(approved.redirectUri(), fields, approved.formPost(), approved.clientName());
    }

    /** To the client's redirect URI: in its query, or as a form the page posts (response_mode=form_post). */
    private Response back(String redirectUri, Map<String, String> fields, boolean formPost, String application) {
        if (formPost) {
            Map<String, Object> values = responses.values("Signing in");
            values.put("action", redirectUri);
            values.put("application", application);
            values.put("fields", list(fields));
            return responses
                    .pageBuilder(200, Page.FORM_POST, values, origin(redirectUri))
                    .build();
        }
        StringBuilder location = new StringBuilder(redirectUri).append(redirectUri.contains("?") ? '&' : '?');
        String separator = "";
        for (Map.Entry<String, String> field : fields.entrySet()) {
            location.append(separator).append(field.getKey()).append('=').append(encoded(field.getValue()));
            separator = "&";
        }
        return responses.seeOther(location.toString()).build();
    }

    /** RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0, section 2), by GET. */
    @GET
    @Path("logout")
    public Response logout(
            @QueryParam("id_token_hint") String hint,
            @QueryParam("client_id") String clientId,
            @QueryParam("post_logout_redirect_uri") String postLogout,
            @QueryParam("state") String state,
            @Context HttpServletRequest request) {
        return signOut(
                provider.logout(hint, clientId, postLogout, state, browser.session(), false, issuer.of(request)),
                clientId,
                postLogout,
                state);
    }

    /** The same, sent as a form by the client's page. */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logoutByForm(
            @FormParam("id_token_hint") String hint,
            @FormParam("client_id") String clientId,
            @FormParam("post_logout_redirect_uri") String postLogout,
            @FormParam("state") String state,
            @Context HttpServletRequest request) {
        return logout(hint, clientId, postLogout, state, request);
    }

    /** The person's "Sign out" on the confirmation page, with the portal's CSRF token. */
    @POST
    @CsrfChecked
    @Path("logout/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmLogout(
            @FormParam("client_id") String clientId,
            @FormParam("post_logout_redirect_uri") String postLogout,
            @FormParam("state") String state,
            @Context HttpServletRequest request) {
        return signOut(
                provider.logout(null, clientId, postLogout, state, browser.session(), true, issuer.of(request)),
                clientId,
                postLogout,
                state);
    }

    private Response signOut(SignOut outcome, String clientId, String postLogout, String state) {
        if (outcome instanceof SignOut.Refused refused) {
            return refusedPage("Sign-out request refused", refused.message());
        }
        if (outcome instanceof SignOut.ConfirmationNeeded confirmation) {
            Map<String, Object> values = responses.values("Sign out");
            values.put("action", responses.base() + "/oauth2/logout/confirm");
            values.put("username", confirmation.username());
            Map<String, String> fields = new LinkedHashMap<>();
            putIfSet(fields, "client_id", clientId);
            putIfSet(fields, "post_logout_redirect_uri", postLogout);
            putIfSet(fields, "state", state);
            values.put("fields", list(fields));
            return responses.page(200, Page.LOGOUT, values);
        }
        String redirect = ((SignOut.Done) outcome).redirect();
        return responses
                .seeOther(redirect != null ? redirect : responses.base() + PortalResource.SIGNED_OUT_PAGE)
                .header(HttpHeaders.SET_COOKIE, cookies.clearSession())
                .build();
    }

    /** A request refused with a plain page, never a redirect: a 400 with a way to the account page. */
    private Response refusedPage(String title, String text) {
        return responses
                .message(400, title, text, responses.base() + "/portal/account", "Your account")
                .build();
    }

    /**
     * Whether {@code rd} is a return to this provider's authorization endpoint, which the portal
     * lets a sign-in go back to: that path exactly, on the portal's own base, in printable ASCII.
     */
    static boolean isOwnAuthorizationUrl(String rd, String base) {
        if (rd.length() > MAX_RETURN_URL || !rd.startsWith(base + "/oauth2/authorize?") || rd.startsWith("//")) {
            return false;
        }
        for (int i = 0; i < rd.length(); i++) {
            char c = rd.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return false;
            }
        }
        return true;
    }

    private static String origin(String uri) {
        URI parsed = URI.create(uri);
        return parsed.getScheme().toLowerCase(Locale.ROOT) + "://" + parsed.getRawAuthority();
    }

    private static List<Map<String, String>> list(Map<String, String> fields) {
        List<Map<String, String>> list = new ArrayList<>();
        fields.forEach((name, value) -> list.add(Map.of("name", name, "value", value)));
        return list;
    }

    private static void putIfSet(Map<String, String> fields, String name, String value) {
        if (value != null && !value.isEmpty()) {
            fields.put(name, value);
        }
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
