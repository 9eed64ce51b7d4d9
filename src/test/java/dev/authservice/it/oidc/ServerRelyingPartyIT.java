package dev.authservice.it.oidc;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.authservice.it.oidc.soteria.ReportsServlet;
import dev.authservice.it.oidc.wildfly.SignOutAtTheProviderServlet;
import dev.authservice.it.oidc.wildfly.WhoAmIServlet;
import dev.authservice.it.support.Deployments;
import dev.authservice.it.support.HeadlessChromium;
import dev.authservice.it.support.HttpClientSupport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebDriver;

/**
 * An application deployed beside auth-service on the same server signs people in through it in
 * Chromium, with no authentication code of its own: on GlassFish and Payara Server with Jakarta
 * Security's mechanism (the Soteria application of SoteriaRelyingPartyIT), on WildFly with its
 * elytron-oidc-client (WEB-INF/oidc.json and the OIDC auth-method). The client comes from the
 * clients file, so that its id and secret are known when the application is built. Runs in the
 * glassfish, payara-server and wildfly profiles.
 */
@ExtendWith(ArquillianExtension.class)
class ServerRelyingPartyIT {

    /** Every server profile's HTTP port (pom.xml: GlassFish's httpPort, Payara Server's and WildFly's listeners). */
    static final String SERVER = "http://localhost:8280";

    /** auth-service at the server's root, as its glassfish-web.xml and jboss-web.xml deploy it. */
    static final String PROVIDER = SERVER;

    static final String APPLICATION = SERVER + "/reports-app";
    static final String CLIENT_ID = "reports-app";
    static final String CLIENT_SECRET = "reports-app-secret-" + "3f9c1d27";

    @Deployment(name = "provider", order = 1, testable = false)
    static WebArchive provider() {
        return Deployments.authService(
                "oidc-provider", Map.of("auth.oidc.clients-file", clientsFile().toString()));
    }

    @Deployment(name = "application", order = 2, testable = false)
    static WebArchive application() {
        return "wildfly".equals(System.getProperty("arquillian.launch")) ? wildflyApplication() : soteriaApplication();
    }

    /** WildFly: the OIDC auth-method in web.xml, and oidc.json. Roles come from the access token's "roles". */
    static WebArchive wildflyApplication() {
        String oidc = """
                {"client-id": "%s", "provider-url": "%s", "ssl-required": "none",
                 "credentials": {"secret": "%s"}, "principal-attribute": "preferred_username"}
                """.formatted(CLIENT_ID, PROVIDER, CLIENT_SECRET);
        String web = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <security-constraint>
                    <web-resource-collection><web-resource-name>signed-in</web-resource-name>
                      <url-pattern>/me</url-pattern><url-pattern>/logout</url-pattern></web-resource-collection>
                    <auth-constraint><role-name>**</role-name></auth-constraint>
                  </security-constraint>
                  <login-config><auth-method>OIDC</auth-method></login-config>
                  <context-param><param-name>end-session-endpoint</param-name><param-value>%s/oauth2/logout</param-value></context-param>
                  <security-role><role-name>finance</role-name></security-role>
                </web-app>
                """.formatted(PROVIDER);
        return ShrinkWrap.create(WebArchive.class, "reports-app.war")
                .addClasses(WhoAmIServlet.class, ReportsServlet.class, SignOutAtTheProviderServlet.class)
                .addAsWebInfResource(new StringAsset(oidc), "oidc.json")
                .addAsWebInfResource(new StringAsset(web), "web.xml");
    }

    /** GlassFish and Payara Server: the Soteria application, its settings in its WAR. */
    static WebArchive soteriaApplication() {
        return SoteriaRelyingPartyIT.soteriaApplication(
                "reports-app.war", SoteriaRelyingPartyIT.relyingPartyProperties(PROVIDER, CLIENT_ID, CLIENT_SECRET));
    }

    /**
     * The application's client: Soteria comes back to /callback; WildFly's client comes back to the
     * page that was asked for, so each page a person may open first is registered, exactly.
     */
    private static Path clientsFile() {
        try {
            Path file = Path.of("target", "server-relying-party-clients.json").toAbsolutePath();
            Files.createDirectories(file.getParent());
            Files.writeString(
                    file, """
                    [{"client_id": "%s", "client_name": "Reports", "client_secret": "%s",
                      "redirect_uris": ["%s/callback", "%s/me", "%s/reports"],
                      "post_logout_redirect_uris": ["%s/signed-out"]}]
                    """.formatted(CLIENT_ID, CLIENT_SECRET, APPLICATION, APPLICATION, APPLICATION, APPLICATION));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ArquillianResource
    @OperateOnDeployment("provider")
    URL base;

    HttpClientSupport http;
    WebDriver browser;

    @BeforeEach
    void browser() {
        http = new HttpClientSupport(base);
        browser = HeadlessChromium.start(List.of("--window-size=900,700"));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    private PersonInChromium person(String prefix, List<String> groups) {
        return PersonInChromium.registered(http, browser, () -> "", uniqueUsername(prefix), groups);
    }

    @Test
    void aMemberSignsInWithTotpReadsTheReportsAndSigningOutAtTheApplicationEndsThePortalSession() throws Exception {
        PersonInChromium alice = person("alice", List.of("finance"));
        alice.signsInAt(APPLICATION + "/me", null);
        assertEquals(alice.username(), alice.text("name"));
        assertEquals("finance", alice.text("groups"));
        alice.screenshot(System.getProperty("arquillian.launch") + "-signed-in.png");

        browser.get(APPLICATION + "/reports");
        assertEquals("Reports for " + alice.username(), alice.text("reports"));

        String portalSession = alice.portalSession();
        assertEquals(200, alice.portalSessionStatus(portalSession));
        browser.get(APPLICATION + "/logout");
        if (browser.getCurrentUrl().contains("/oauth2/logout")) {
            // WildFly's client has no RP-initiated logout: without the ID token as a hint, the
            // provider asks the person to confirm.
            browser.findElement(org.openqa.selenium.By.id("sign-out")).click();
        }
        org.junit.jupiter.api.Assertions.assertTrue(
                dev.authservice.it.support.Poll.until(
                        java.time.Duration.ofSeconds(15), () -> alice.portalSessionStatus(portalSession) == 401),
                "the application's sign-out ended the portal session; the browser is at " + browser.getCurrentUrl());
    }

    @Test
    void someoneNotInTheGroupGetsTheContainers403() throws Exception {
        PersonInChromium bob = person("bob", List.of("sales"));
        bob.signsInAt(APPLICATION + "/me", null);
        assertEquals(bob.username(), bob.text("name"));
        HttpClientSupport application = new HttpClientSupport(URI.create(APPLICATION + "/"));
        HttpResponse<String> reports = application.send(application
                .request("reports")
                .header(
                        "Cookie",
                        "JSESSIONID="
                                + browser.manage().getCookieNamed("JSESSIONID").getValue()));
        assertEquals(403, reports.statusCode(), reports.body());
    }
}
