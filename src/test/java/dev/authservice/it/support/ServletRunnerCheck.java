package dev.authservice.it.support;

import java.util.logging.Logger;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.container.AfterDeploy;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;

/**
 * Deploys an in-container test's archive again when the adapter's answer names no Arquillian
 * test servlet. The Payara Micro adapter reads the servlets from the server's console as the lines
 * arrive and stops reading at the line that names the HTTP port; on a loaded machine the servlet
 * list can come after it, and every test of the class then fails with "ArquillianServletRunnerEE9
 * not found" although the servlet is there. Two more tries; the other adapters ask their server.
 */
public final class ServletRunnerCheck {

    private static final Logger LOG = Logger.getLogger(ServletRunnerCheck.class.getName());
    private static final int RETRIES = 2;

    @Inject
    @DeploymentScoped
    private InstanceProducer<ProtocolMetaData> protocolMetaData;

    public void deployAgainWithoutRunner(@Observes AfterDeploy event) throws DeploymentException {
        DeploymentDescription deployment = event.getDeployment();
        if (!deployment.testable() || !deployment.isArchiveDeployment()) {
            return;
        }
        DeployableContainer<?> container = event.getDeployableContainer();
        var archive =
                deployment.getTestableArchive() != null ? deployment.getTestableArchive() : deployment.getArchive();
        for (int retry = 1; retry <= RETRIES && !namesTheRunner(protocolMetaData.get()); retry++) {
            LOG.warning("The adapter named no Arquillian test servlet for " + deployment.getName()
                    + "; deploying it again (" + retry + " of " + RETRIES + ")");
            container.undeploy(archive);
            protocolMetaData.set(container.deploy(archive));
        }
    }

    private static boolean namesTheRunner(ProtocolMetaData metaData) {
        return metaData != null
                && metaData.getContexts(HTTPContext.class).stream()
                        .flatMap(context -> context.getServlets().stream())
                        .anyMatch(servlet -> servlet.getName().startsWith("ArquillianServletRunner"));
    }
}
