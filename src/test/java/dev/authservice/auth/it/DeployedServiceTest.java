package dev.authservice.auth.it;

import java.net.URL;

import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every black-box test of the deployed service shares: Arquillian, the URL of the
 * deployment, and an HTTP client for it. Each subclass declares its own @Deployment, since each
 * needs its own configuration.
 */
@ExtendWith(ArquillianExtension.class)
abstract class DeployedServiceTest {

    @ArquillianResource
    URL base;

    HttpClientSupport http;

    @BeforeEach
    void client() {
        http = new HttpClientSupport(base);
    }
}
