package dev.authservice.it;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** Browsers through Caddy's forward_auth, over TLS: docs/front-ends.md's recipe for browsers. */
class CaddyBrowserSignInIT extends BrowserSignInFixture {

    private static final int PORT = freePort();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return deployment("browser-caddy", PORT);
    }

    @Override
    int port() {
        return PORT;
    }

    @Override
    Process startFrontEnd(Path certificate, Path key, int applicationPort) throws IOException {
        Path config = dir.resolve("Caddyfile");
        Files.writeString(config, caddyfile(certificate, key, applicationPort));
        return FrontEndProcesses.caddy(dir, config);
    }

    /**
     * docs/front-ends.md's recipe for browsers, with this test's ports; the rewrite adds the path
     * the test deployment lives under, which a service deployed at the root does not need.
     */
    private String caddyfile(Path certificate, Path key, int applicationPort) {
        URI service = URI.create(base.toString());
        String context = service.getPath().replaceAll("/$", "");
        return """
                {
                    admin off
                    auto_https off
                }
                https://auth.example.test:%1$d {
                    tls %2$s %3$s
                    @operations path /metrics /metrics/* /openapi /openapi/* /health /health/*
                    respond @operations 404
                    rewrite * %5$s{uri}
                    reverse_proxy %4$s
                }
                https://app1.example.test:%1$d, https://app2.example.test:%1$d {
                    tls %2$s %3$s
                    request_header -X_*
                    request_header -X.*
                    request_header -X-Auth_*
                    request_header -X-Auth.*
                    forward_auth %4$s {
                        uri %5$s/forward-auth
                        copy_headers X-Auth-User
                    }
                    header Cache-Control "private, no-cache"
                    reverse_proxy 127.0.0.1:%6$d
                }
                """.formatted(
                        PORT, certificate, key, service.getHost() + ":" + service.getPort(), context, applicationPort);
    }
}
