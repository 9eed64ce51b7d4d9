package dev.authservice.portal.boundary;

import dev.authservice.accounts.control.SecondFactor;
import dev.authservice.auth.boundary.Caller;
import dev.authservice.portal.control.PortalPages.Page;
import dev.authservice.portal.control.QrCodes;
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
import java.util.List;
import java.util.Map;

/**
 * The account page's two-factor authentication: turning TOTP on (the QR code, then the first code
 * and the recovery codes, shown once) and off. The use cases are SelfService's, as for the JSON API.
 */
@Path("portal/account/totp")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@ApplicationScoped
public class AccountTotpResource {

    @Inject
    SelfService selfService;

    @Inject
    Caller caller;

    @Inject
    PortalResponses responses;

    @Inject
    AccountPages pages;

    /** Starts TOTP enrolment: the QR code and the secret, shown once, with the form for the first code. */
    @POST
    @CsrfChecked
    public Response enrolTotp(@FormParam("password") String password) {
        return pages.step(AccountStep.TURN_ON_TOTP, null, token -> {
            SecondFactor.Enrolment enrolment =
                    selfService.enrolTotp(token, AccountPages.password(password), caller.client());
            Map<String, Object> values = responses.values("Set up two-factor authentication");
            values.put("qr", QrCodes.pngDataUrl(enrolment.otpauthUri()));
            values.put("secret", inFours(enrolment.secret()));
            return responses.page(200, Page.TOTP_ENROLMENT, values);
        });
    }

    /** The first code turns TOTP on; the recovery codes are shown this once. */
    @POST
    @CsrfChecked
    @Path("confirm")
    public Response confirmTotp(@FormParam("code") String code) {
        return pages.form("totpError", token -> {
            List<String> codes = selfService.confirmTotp(token, code == null ? "" : code, caller.client());
            Map<String, Object> values = responses.values("Save your recovery codes");
            values.put("codes", codes);
            values.put("codesText", String.join("\n", codes));
            return responses.page(200, Page.RECOVERY_CODES, values);
        });
    }

    @POST
    @CsrfChecked
    @Path("disable")
    public Response disableTotp(@FormParam("password") String password, @FormParam("otp") String otp) {
        return pages.step(AccountStep.TURN_OFF_TOTP, null, token -> {
            selfService.disableTotp(token, AccountPages.password(password), otp == null ? "" : otp, caller.client());
            return pages.done("totp-off");
        });
    }

    /** A key typed by hand is read in groups of four, as authenticator apps show it; they ignore the spaces. */
    static String inFours(String key) {
        return String.join(" ", key.split("(?<=\\G.{4})"));
    }
}
