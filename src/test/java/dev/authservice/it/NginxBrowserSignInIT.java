package dev.authservice.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** Browsers through nginx's auth_request, over TLS: docs/front-ends.md's recipe for browsers. */
class NginxBrowserSignInIT extends BrowserSignInFixture {

    private static final int PORT = freePort();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return deployment("browser-nginx", PORT);
    }

    @Override
    int port() {
        return PORT;
    }

    @Test
    void aPersonManagesTheirAccountFromTheAccountPage() throws Exception {
        walkThroughTheAccountPage();
    }

    @Override
    Process startFrontEnd(Path certificate, Path key, int applicationPort) throws IOException {
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, nginxConfig(certificate, key, applicationPort));
        return FrontEndProcesses.nginx(dir, config, "proxy.out");
    }

    /** docs/front-ends.md's recipe for browsers, with this test's ports and the deployment's path. */
    private String nginxConfig(Path certificate, Path key, int applicationPort) {
        String service = base.toString().endsWith("/") ? base.toString() : base + "/";
        return NginxConfig.opening(dir, 64) + """
                    access_log %1$s/access.log;
                    ssl_certificate %2$s;
                    ssl_certificate_key %3$s;
                    server {
                        listen 127.0.0.1:%4$d ssl;
                        server_name auth.example.test;
                        location ~ ^/(metrics|openapi|health)(/|$) {
                            return 404;
                        }
                        location / {
                            proxy_pass %5$s;
                            proxy_set_header Host $http_host;
                            proxy_set_header X-Forwarded-Proto $scheme;
                            proxy_set_header X-Forwarded-For $remote_addr;
                        }
                    }
                    server {
                        listen 127.0.0.1:%4$d ssl;
                        server_name app1.example.test app2.example.test;
                        location / {
                            auth_request /_auth;
                            auth_request_set $auth_user $upstream_http_x_auth_user;
                            auth_request_set $sign_in $upstream_http_location;
                            error_page 401 = @sign_in;
                            proxy_set_header X-Auth-User $auth_user;
                            proxy_set_header Host $http_host;
                            proxy_pass http://127.0.0.1:%6$d;
                            proxy_hide_header Cache-Control;
                            add_header Cache-Control "private, no-cache" always;
                        }
                        location = /_auth {
                            internal;
                            proxy_pass %5$ssession;
                            proxy_pass_request_body off;
                            proxy_set_header Content-Length "";
                            proxy_set_header X-Original-URL $scheme://$http_host$request_uri;
                        }
                        location @sign_in {
                            if ($sign_in = "") {
                                return 401;
                            }
                            return 302 $sign_in;
                        }
                    }
                }
                """.formatted(dir, certificate, key, PORT, service, applicationPort);
    }
}
