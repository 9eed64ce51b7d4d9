package dev.authservice.it.operations;

import static dev.authservice.it.support.HttpClientSupport.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.authservice.it.support.HttpClientSupport;
import dev.authservice.it.support.ListeningSockets;
import dev.authservice.it.support.ServiceProcess;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The service as an operator meets it: what it listens on, and how it treats a bad configuration. */
class OperatorViewIT {

    @Test
    void theServiceListensOnItsHttpPortOnly() throws Exception {
        try (ServiceProcess service = new ServiceProcess(ServiceProcess.workDir("sockets")).start()) {
            List<ListeningSockets.Socket> sockets = ListeningSockets.of(service.pid());
            assertTrue(sockets.stream().anyMatch(s -> s.port() == service.port()), "the HTTP port: " + sockets);
            List<ListeningSockets.Socket> others =
                    sockets.stream().filter(s -> s.port() != service.port()).toList();
            assertEquals(List.of(), others, "nothing but the HTTP port listens, not even on loopback (no data grid)");
            HttpClientSupport client = new HttpClientSupport(service.baseUri());
            assertEquals(
                    404,
                    client.send(client.request("test-clock").GET()).statusCode(),
                    "the WAR that mvn package builds has no test endpoint");
        }
    }

    @Test
    void aValueOutOfRangeStopsTheDeploymentWithOneLineNamingTheKey() throws Exception {
        ServiceProcess misconfigured = new ServiceProcess(ServiceProcess.workDir("misconfigured"))
                .withEnv("AUTH_PASSWORD_HASH_ITERATIONS", "1000");
        try (ServiceProcess service = misconfigured.startUntilLogged("Payara Micro URLs")) {
            String log = service.log();
            assertTrue(
                    log.contains("auth-service refuses to start, invalid configuration: "
                            + "auth.password.hash.iterations=1000 is outside the allowed range 1024 to 10000000"),
                    "the log names the key");

            HttpClientSupport operator = new HttpClientSupport(service.baseUri());
            HttpResponse<String> ready =
                    operator.send(operator.request("health/ready").GET());
            assertEquals(503, ready.statusCode(), "never ready while requests would fail: " + ready.body());
            assertEquals("DOWN", json(ready).getString("status"));
            assertEquals(
                    404,
                    operator.register("nobody", "a password never stored").statusCode(),
                    "nothing of the application answers: the server has nothing at the path");
        }
    }
}
