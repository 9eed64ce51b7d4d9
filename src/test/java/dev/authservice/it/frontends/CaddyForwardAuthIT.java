package dev.authservice.it.frontends;

import dev.authservice.it.support.FrontEndProcesses;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Caddy's forward_auth in front of the service. Needs Debian's caddy; runs in the Maven profile
 * `frontends`, which .ci/run turns on.
 */
class CaddyForwardAuthIT extends FrontEndFixture {

    @Override
    Process startProxy(int port, int upstreamPort, URI session) throws IOException {
        Path config = dir.resolve("Caddyfile");
        Files.writeString(config, caddyfile(port, upstreamPort, session));
        return FrontEndProcesses.caddy(dir, config);
    }

    /** docs/front-ends.md's recipe, with this test's ports. */
    private static String caddyfile(int port, int upstreamPort, URI session) {
        return """
                {
                    admin off
                    auto_https off
                }
                http://127.0.0.1:%1$d {
                    handle /app/* {
                        request_header -X_*
                        request_header -X.*
                        request_header -X-Auth_*
                        request_header -X-Auth.*
                        forward_auth %2$s {
                            uri %3$s
                            copy_headers X-Auth-User
                        }
                        reverse_proxy 127.0.0.1:%4$d
                    }
                    handle /finance/* {
                        request_header -X_*
                        request_header -X.*
                        request_header -X-Auth_*
                        request_header -X-Auth.*
                        forward_auth %2$s {
                            uri %3$s?group=finance
                            copy_headers X-Auth-User
                        }
                        reverse_proxy 127.0.0.1:%4$d
                    }
                    @operations path /metrics /metrics/* /openapi /openapi/* /health /health/*
                    handle @operations {
                        respond 404
                    }
                    handle {
                        reverse_proxy %2$s
                    }
                }
                """.formatted(port, session.getHost() + ":" + session.getPort(), session.getPath(), upstreamPort);
    }
}
