package dev.authservice.it.oidc;

import static dev.authservice.it.support.HttpClientSupport.json;
import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.authservice.it.oidc.jwt.ReportsApi;
import dev.authservice.it.oidc.jwt.ReportsResource;
import dev.authservice.it.oidc.soteria.CallbackServlet;
import dev.authservice.it.oidc.soteria.MeServlet;
import dev.authservice.it.oidc.soteria.RelyingPartySettings;
import dev.authservice.it.oidc.soteria.ReportsApplication;
import dev.authservice.it.oidc.soteria.ReportsServlet;
import dev.authservice.it.oidc.soteria.SignOutServlet;
import dev.authservice.it.support.DeployedService;
import dev.authservice.it.support.FirstOnItsDeployment;
import dev.authservice.it.support.HeadlessChromium;
import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.ServiceProcess;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebDriver;

/**
 * A Jakarta EE application with no authentication code of its own signs people in through
 * auth-service in Chromium: Jakarta Security's @OpenIdAuthenticationMechanismDefinition (Soteria,
 * in Payara Micro, a server of its own), through the portal with the TOTP step. A member of
 * "finance" reads the reports; another person gets the container's 403; signing out at the
 * application ends the portal session.
 */
@FirstOnItsDeployment
class SoteriaRelyingPartyIT extends DeployedService {

    static final String PASSWORD = "correct horse battery";

    /**
     * The application's container maps the group "finance" to the role of that name, on Payara
     * and GlassFish alike.
     */
    static final String ROLE_MAPPING = """
            <!DOCTYPE glassfish-web-app PUBLIC "-//GlassFish.org//DTD GlassFish Application Server 3.1 Servlet 3.0//EN"
              "http://glassfish.org/dtds/glassfish-web-app_3_0-1.dtd">
            <glassfish-web-app>
              <security-role-mapping><role-name>finance</role-name><group-name>finance</group-name></security-role-mapping>
            </glassfish-web-app>""";

    /**
     * The MicroProfile JWT service's configuration: the issuer and the key set, both from the
     * system property the server starts with.
     */
    static final String MICROPROFILE_JWT = """
            mp.jwt.verify.issuer=${rp.provider}
            mp.jwt.verify.publickey.location=${rp.provider}/oauth2/jwks
            """;

    /** The Soteria application (it/oidc/soteria) with these settings, as a WAR of this name. */
    static WebArchive soteriaApplication(String name, String settings) {
        return ShrinkWrap.create(WebArchive.class, name)
                .addClasses(
                        ReportsApplication.class,
                        RelyingPartySettings.class,
                        MeServlet.class,
                        ReportsServlet.class,
                        SignOutServlet.class,
                        CallbackServlet.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource(new StringAsset(ROLE_MAPPING), "glassfish-web.xml")
                .addAsResource(new StringAsset(settings), "relying-party.properties");
    }

    /** The Soteria application's settings (RelyingPartySettings), as its WAR carries them. */
    static String relyingPartyProperties(String provider, String clientId, String clientSecret) {
        return "provider=" + provider + "\nclientId=" + clientId + "\nclientSecret=" + clientSecret + "\n";
    }

    /** One application server for the class, registered once: a start costs about ten seconds. */
    static RelyingPartyServer application;

    WebDriver browser;
    String issuer;

    @BeforeEach
    void applicationRegisteredAndRunning() {
        URI base = http.base();
        issuer = "http://localhost:" + base.getPort() + base.getRawPath().replaceAll("/$", "");
        browser = HeadlessChromium.start(List.of("--window-size=900,700"));
        if (application != null) {
            return;
        }
        application = new RelyingPartyServer(ServiceProcess.workDir("soteria-rp"));
        String registration = Json.createObjectBuilder()
                .add("client_name", "Reports (Soteria)")
                .add("redirect_uris", Json.createArrayBuilder().add(application.base() + "/callback"))
                .add("post_logout_redirect_uris", Json.createArrayBuilder().add(application.base() + "/signed-out"))
                .add("token_endpoint_auth_method", "client_secret_post")
                .build()
                .toString();
        HttpResponse<String> registered = RelyingParty.admin(http, "POST", "admin/clients", registration);
        assertEquals(201, registered.statusCode(), registered.body());
        WebArchive war = soteriaApplication(
                "rp.war",
                relyingPartyProperties(
                        issuer,
                        json(registered).getString("client_id"),
                        json(registered).getString("client_secret")));
        WebArchive api = ShrinkWrap.create(WebArchive.class, "api.war")
                .addClasses(ReportsApi.class, ReportsResource.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsWebInfResource(new StringAsset(ROLE_MAPPING), "glassfish-web.xml")
                .addAsResource(new StringAsset(MICROPROFILE_JWT), "META-INF/microprofile-config.properties");
        application.start(Map.of("rp", war, "api", api), Map.of("rp.provider", issuer));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @AfterAll
    static void stopApplication() throws InterruptedException {
        if (application != null) {
            application.close();
            application = null;
        }
    }

    private PersonInChromium person(String prefix, List<String> groups) {
        return PersonInChromium.registered(http, browser, application::log, uniqueUsername(prefix), groups);
    }

    @Test
    void aMemberSignsInWithTotpSeesTheirGroupsReadsTheReportsAndSignsOutEverywhere() throws Exception {
        PersonInChromium alice = person("alice", List.of("finance"));
        alice.signsInAt(application.base() + "/me", "soteria-");
        assertEquals(alice.username(), alice.text("name"));
        assertEquals("finance", alice.text("groups"));
        alice.screenshot("soteria-signed-in.png");

        browser.get(application.base() + "/reports");
        assertEquals("Reports for " + alice.username(), alice.text("reports"));

        String portalSession = alice.portalSession();
        assertEquals(200, alice.portalSessionStatus(portalSession), "signed in at the portal too");

        browser.get(application.base() + "/logout");
        alice.awaitUrl(application.base() + "/signed-out");
        assertEquals(
                401, alice.portalSessionStatus(portalSession), "the application's sign-out ended the portal session");
        browser.get(issuer + "/portal/account");
        alice.awaitUrl("/portal/login");
    }

    /**
     * The access token of a code flow calls a MicroProfile JWT service: a member gets 200 from its
     * @RolesAllowed resource, another person 403, no token 401.
     */
    @Test
    void theAccessTokenOfTheCodeFlowCallsAMicroProfileJwtService() {
        String carol = uniqueUsername("carol");
        String dave = uniqueUsername("dave");
        for (String[] person : new String[][] {{carol, "finance"}, {dave, "sales"}}) {
            assertEquals(201, http.register(person[0], PASSWORD).statusCode());
            assertEquals(
                    200,
                    RelyingParty.admin(http, "PUT", "admin/users/" + person[0] + "/groups", "[\"" + person[1] + "\"]")
                            .statusCode());
        }
        RelyingParty client = RelyingParty.confidential(http);
        HttpClientSupport service = new HttpClientSupport(URI.create(application.apiBase() + "/"));
        assertEquals(
                "Reports for " + carol,
                call(service, accessTokenOf(client, carol)).body());
        assertEquals(403, call(service, accessTokenOf(client, dave)).statusCode());
        assertEquals(401, service.send(service.request("reports").GET()).statusCode());
    }

    private String accessTokenOf(RelyingParty client, String username) {
        URI base = http.base();
        dev.authservice.it.support.PortalBrowser portal =
                new dev.authservice.it.support.PortalBrowser(http, base.getScheme() + "://" + base.getRawAuthority());
        Map<String, String> callback =
                RelyingParty.query(RelyingParty.callback(portal, client.authorizePath(Map.of()), username, PASSWORD));
        HttpResponse<String> tokens = client.redeem(callback.get("code"));
        assertEquals(200, tokens.statusCode(), tokens.body());
        return json(tokens).getString("access_token");
    }

    private static HttpResponse<String> call(HttpClientSupport service, String accessToken) {
        return service.send(service.request("reports")
                .header("Authorization", "Bearer " + accessToken)
                .GET());
    }

    @Test
    void someoneNotInTheGroupGetsTheContainers403() throws Exception {
        PersonInChromium bob = person("bob", List.of("sales"));
        bob.signsInAt(application.base() + "/me", null);
        assertEquals(bob.username(), bob.text("name"));
        HttpResponse<String> reports = new HttpClientSupport(URI.create(application.base() + "/"))
                .send(new HttpClientSupport(URI.create(application.base() + "/"))
                        .request("reports")
                        .header(
                                "Cookie",
                                "JSESSIONID="
                                        + browser.manage()
                                                .getCookieNamed("JSESSIONID")
                                                .getValue()));
        assertEquals(403, reports.statusCode(), reports.body());
    }
}
