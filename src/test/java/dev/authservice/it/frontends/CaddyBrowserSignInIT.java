package dev.authservice.it.frontends;

import dev.authservice.it.support.DocumentedRecipe;
import dev.authservice.it.support.FrontEndProcesses;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/** Browsers through Caddy's forward_auth, over TLS: docs/front-ends.md's recipe for browsers. */
class CaddyBrowserSignInIT extends BrowserSignInFixture {

    @Override
    Process startFrontEnd(Path certificate, Path key, int applicationPort) throws IOException {
        Path config = dir.resolve("Caddyfile");
        Files.writeString(config, caddyfile(certificate, key, applicationPort));
        return FrontEndProcesses.caddy(dir, config);
    }

    /**
     * docs/front-ends.md's recipe for browsers, read from the document, with this test's
     * certificate, port and host names; the rewrite adds the path the test deployment lives under,
     * which a service deployed at the root does not need.
     */
    private String caddyfile(Path certificate, Path key, int applicationPort) {
        URI service = URI.create(base.toString());
        String context = service.getPath().replaceAll("/$", "");
        String tls = "\n    tls " + certificate + " " + key;
        String upstream = service.getHost() + ":" + service.getPort();
        String recipe = DocumentedRecipe.frontEnds("**Caddy** (tested: `CaddyBrowserSignInIT`")
                .replace("auth.example.com {", "https://auth.example.test:" + PORT + " {" + tls)
                .replace(
                        "app1.example.com, app2.example.com {",
                        "https://app1.example.test:" + PORT + ", https://app2.example.test:" + PORT + " {" + tls)
                .replace(
                        "    reverse_proxy 127.0.0.1:5000\n",
                        "    rewrite * " + context + "{uri}\n    reverse_proxy " + upstream + "\n")
                .replace("forward_auth 127.0.0.1:5000 {", "forward_auth " + upstream + " {")
                .replace("uri /forward-auth", "uri " + context + "/forward-auth")
                .replace("reverse_proxy 127.0.0.1:8080", "reverse_proxy 127.0.0.1:" + applicationPort)
                .text();
        return """
                {
                    admin off
                    auto_https off
                }
                """ + recipe;
    }
}
