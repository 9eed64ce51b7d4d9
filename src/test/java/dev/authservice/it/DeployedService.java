package dev.authservice.it;

import java.net.URL;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every black-box test of the deployed service shares: Arquillian, the standard deployment
 * (a class with another configuration declares its own), its URL, and an HTTP client for it.
 */
@ExtendWith(ArquillianExtension.class)
public abstract class DeployedService {

    @ArquillianResource
    protected URL base;

    protected HttpClientSupport http;

    private static final AtomicInteger DEPLOYMENTS = new AtomicInteger();

    /** The name of the running class's deployment. */
    static String deploymentName;

    /**
     * A name of its own for each class's deployment: GlassFish keeps an application's
     * configuration under its name, so classes sharing one would share one database there.
     */
    @Deployment(testable = false)
    static WebArchive deployment() {
        deploymentName = "black-box-" + DEPLOYMENTS.incrementAndGet();
        return Deployments.standard(deploymentName);
    }

    @BeforeEach
    void client() {
        http = new HttpClientSupport(base);
    }
}
