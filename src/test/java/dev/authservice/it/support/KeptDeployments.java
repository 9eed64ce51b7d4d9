package dev.authservice.it.support;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentScenario;
import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.impl.client.deployment.event.GenerateDeployment;
import org.jboss.arquillian.core.api.Event;
import org.jboss.arquillian.core.api.Instance;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.arquillian.test.spi.annotation.ClassScoped;
import org.jboss.arquillian.test.spi.context.ClassContext;
import org.jboss.arquillian.test.spi.event.suite.AfterSuite;

/**
 * One server per configuration: a deployment stays up after its test class while the next class
 * inherits the same {@code @Deployment} method, and is undeployed only when a class needs another
 * one or the run ends. Arquillian alone deploys once per class, and on Payara Micro a deployment
 * is a server start (15 to 25 seconds here), most of a class's time. {@link ByDeployment} puts
 * the classes of one deployment next to each other, so that each starts once per run.
 *
 * <p>Classes that share a deployment share its database and its clock: they read deltas, not
 * absolute counts, and never rely on being first.
 */
public final class KeptDeployments implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Keeper.class);
        builder.observer(ServletRunnerCheck.class);
    }

    /** The {@code @Deployment} method a test class declares or inherits, or null. */
    static Method deploymentMethod(Class<?> testClass) {
        for (Class<?> type = testClass; type != null && type != Object.class; type = type.getSuperclass()) {
            for (Method method : type.getDeclaredMethods()) {
                if (method.isAnnotationPresent(Deployment.class) && Modifier.isStatic(method.getModifiers())) {
                    return method;
                }
            }
        }
        return null;
    }

    /** Arquillian's observer; its state lives as long as the run (one per JVM). */
    public static final class Keeper {

        @Inject
        @ClassScoped
        private InstanceProducer<DeploymentScenario> scenario;

        @Inject
        private Instance<ClassContext> classContext;

        @Inject
        private Event<UnDeployManagedDeployments> undeploy;

        private Method keptMethod;
        private DeploymentScenario kept;
        private Class<?> keptFor;
        private boolean reusing;
        private boolean releasing;

        public void generate(@Observes EventContext<GenerateDeployment> context) {
            Class<?> testClass = context.getEvent().getTestClass().getJavaClass();
            Method method = deploymentMethod(testClass);
            if (kept != null && method != null && method.equals(keptMethod)) {
                reusing = true;
                scenario.set(kept);
                return;
            }
            reusing = false;
            release();
            context.proceed();
            keptMethod = method;
            kept = scenario.get();
            keptFor = testClass;
        }

        public void deploy(@Observes EventContext<DeployManagedDeployments> context) {
            if (reusing) {
                return;
            }
            try {
                context.proceed();
            } catch (RuntimeException | Error e) {
                // A deployment that failed is not offered to the next class; it is still undeployed.
                keptMethod = null;
                throw e;
            }
        }

        public void undeploy(@Observes EventContext<UnDeployManagedDeployments> context) {
            if (releasing) {
                context.proceed();
            }
        }

        /** Before the containers stop (ContainerEventController observes AfterSuite at precedence 0). */
        public void end(@Observes(precedence = 10) AfterSuite event) {
            if (kept == null) {
                return;
            }
            ClassContext context = classContext.get();
            Class<?> lastClass = keptFor;
            context.activate(lastClass);
            try {
                release();
            } finally {
                context.deactivate();
                context.destroy(lastClass);
            }
        }

        /** Undeploys the kept deployment, in the class context active now. */
        private void release() {
            if (kept == null) {
                return;
            }
            DeploymentScenario current = scenario.get();
            scenario.set(kept);
            releasing = true;
            try {
                undeploy.fire(new UnDeployManagedDeployments());
            } finally {
                releasing = false;
                kept = null;
                keptMethod = null;
                keptFor = null;
                if (current != null) {
                    scenario.set(current);
                }
            }
        }
    }
}
