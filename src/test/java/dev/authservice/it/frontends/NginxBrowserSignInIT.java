package dev.authservice.it.frontends;

import dev.authservice.it.support.DocumentedRecipe;
import dev.authservice.it.support.FrontEndProcesses;
import dev.authservice.it.support.NginxConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Browsers through nginx's auth_request, over TLS: docs/front-ends.md's recipe for browsers. */
class NginxBrowserSignInIT extends BrowserSignInFixture {

    @Test
    void aPersonManagesTheirAccountFromTheAccountPage() throws Exception {
        walkThroughTheAccountPage();
    }

    @Test
    void aPersonResetsAForgottenPasswordByEmail() throws Exception {
        walkThroughAForgottenPassword();
    }

    @Test
    void theHelpDeskAdministersAnAccountFromTheConsole() throws Exception {
        walkThroughTheAdminConsole();
    }

    @Override
    Process startFrontEnd(Path certificate, Path key, int applicationPort) throws IOException {
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, nginxConfig(certificate, key, applicationPort));
        return FrontEndProcesses.nginx(dir, config, "proxy.out");
    }

    /**
     * docs/front-ends.md's recipe for browsers, read from the document, with this test's
     * certificate, port, host names and the deployment's path.
     */
    private String nginxConfig(Path certificate, Path key, int applicationPort) {
        String service = base.toString().endsWith("/") ? base.toString() : base + "/";
        String recipe = DocumentedRecipe.frontEnds("**nginx** (tested: `NginxBrowserSignInIT`")
                .replace("/etc/ssl/example.com.crt", certificate.toString())
                .replace("/etc/ssl/example.com.key", key.toString())
                .replace("listen 443 ssl;", "listen 127.0.0.1:" + PORT + " ssl;")
                .replace("example.com", "example.test")
                .replace("http://127.0.0.1:5000/", service)
                .replace("http://127.0.0.1:8080", "http://127.0.0.1:" + applicationPort)
                .text();
        return NginxConfig.opening(dir, 64) + "access_log " + dir + "/access.log;\n" + recipe + "}\n";
    }
}
