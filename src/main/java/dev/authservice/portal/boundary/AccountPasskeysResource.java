package dev.authservice.portal.boundary;

import dev.authservice.auth.boundary.Caller;
import dev.authservice.passkeys.control.PasskeySettings;
import dev.authservice.portal.control.PortalPages.Page;
import dev.authservice.selfservice.boundary.SelfService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The account page's passkeys: adding one (after re-authentication, the one step that needs
 * JavaScript), renaming and removing one. The use cases are SelfService's, as for the JSON API.
 */
@Path("portal/account/passkeys")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@ApplicationScoped
public class AccountPasskeysResource {

    @Inject
    SelfService selfService;

    @Inject
    Caller caller;

    @Inject
    PortalResponses responses;

    @Inject
    AccountPages pages;

    @Inject
    PasskeySettings passkeySettings;

    /** After re-authentication, the page whose button makes the passkey (the one step that needs JavaScript). */
    @POST
    @CsrfChecked
    @Path("new")
    public Response newPasskey(@FormParam("password") String password, @FormParam("otp") String otp) {
        return pages.step(AccountStep.ADD_PASSKEY, null, token -> {
            var options = selfService.beginPasskeyRegistration(
                    token,
                    AccountPages.password(password),
                    AccountPages.blankToNull(otp),
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
    public Response addPasskey(@FormParam("credential") String credential, @FormParam("name") String name) {
        return pages.form("passkeysError", token -> {
            selfService.registerPasskey(
                    token,
                    credential == null ? "" : credential,
                    name,
                    passkeySettings.relyingParty(caller.addressedOrigin()),
                    caller.client());
            return pages.done("passkey-added");
        });
    }

    @POST
    @CsrfChecked
    @Path("rename")
    public Response renamePasskey(@FormParam("id") String id, @FormParam("name") String name) {
        return pages.form("passkeysError", token -> {
            selfService.renamePasskey(token, id, name, caller.client());
            return pages.done("passkey-renamed");
        });
    }

    @POST
    @CsrfChecked
    @Path("remove")
    public Response removePasskey(
            @FormParam("id") String id, @FormParam("password") String password, @FormParam("otp") String otp) {
        return pages.step(AccountStep.REMOVE_PASSKEY, id, token -> {
            selfService.removePasskey(
                    token, id, AccountPages.password(password), AccountPages.blankToNull(otp), caller.client());
            return pages.done("passkey-removed");
        });
    }
}
