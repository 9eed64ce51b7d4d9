package dev.authservice.it.frontends;

import static dev.authservice.it.support.HttpClientSupport.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.FrontEndProcesses;
import dev.authservice.it.support.NginxConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * nginx's auth_request in front of the service, protecting a proxied application and a static
 * location. Needs Debian's nginx; runs in the Maven profile `frontends`, which .ci/run turns on.
 */
class NginxAuthRequestIT extends FrontEndFixture {

    @Override
    Process startProxy(int port, int upstreamPort, URI session) throws IOException {
        Files.createDirectories(dir.resolve("www/static"));
        Files.writeString(dir.resolve("www/static/index.html"), "<p>protected page</p>");
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, nginxConfig(port, upstreamPort, session));
        return FrontEndProcesses.nginx(dir, config, "proxy.out");
    }

    @Test
    void aStaticPageIsServedWithTheUserOnlyWithAValidToken() {
        String username = uniqueUsername("nginx");
        String token = http.newSession(username, PASSWORD);
        HttpResponse<String> page = get("static/index.html", token);
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("protected page"));
        assertEquals(username, page.headers().firstValue("X-Auth-User").orElse(""));
        assertEquals(401, get("static/index.html", null).statusCode());
    }

    /** docs/front-ends.md's recipe, with this test's paths and ports. */
    private String nginxConfig(int port, int upstreamPort, URI session) {
        return NginxConfig.opening(dir, 64) + """
                    access_log %1$s/access.log;
                    server {
                        listen 127.0.0.1:%2$d;
                        location /static/ {
                            auth_request /_auth;
                            auth_request_set $auth_user $upstream_http_x_auth_user;
                            add_header X-Auth-User $auth_user always;
                            root %1$s/www;
                        }
                        location /app/ {
                            auth_request /_auth;
                            auth_request_set $auth_user $upstream_http_x_auth_user;
                            proxy_set_header X-Auth-User $auth_user;
                            proxy_pass http://127.0.0.1:%3$d;
                        }
                        location /finance/ {
                            auth_request /_auth_finance;
                            auth_request_set $auth_user $upstream_http_x_auth_user;
                            proxy_set_header X-Auth-User $auth_user;
                            proxy_pass http://127.0.0.1:%3$d;
                        }
                        location = /_auth_finance {
                            internal;
                            proxy_pass %4$s?group=finance;
                            proxy_pass_request_body off;
                            proxy_set_header Content-Length "";
                        }
                        location = /_auth {
                            internal;
                            proxy_pass %4$s;
                            proxy_pass_request_body off;
                            proxy_set_header Content-Length "";
                            proxy_set_header X-Original-URI $request_uri;
                        }
                        location ~ ^/(metrics|openapi|health)(/|$) {
                            return 404;
                        }
                        location / {
                            proxy_pass %5$s;
                        }
                    }
                }
                """.formatted(dir, port, upstreamPort, session, serviceRoot(session));
    }
}
