package dev.authservice.it.support;

import java.lang.reflect.Method;
import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Runs the test classes that share an Arquillian deployment one after another (see
 * {@link KeptDeployments}), deployments in the order of their declaring class's name; by name
 * within each group, a class marked {@link FirstOnItsDeployment} first. Classes without one (unit tests, tests that start the shipped command
 * themselves) run first, before any deployment is up: a deployment is kept until the next one or
 * the end of the run, and would otherwise run beside them, taking CPU and, on its random port,
 * perhaps a port a walk-through needs. Configured in junit-platform.properties.
 */
public final class ByDeployment implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.comparing(ByDeployment::deploymentKey)
                        .thenComparing(descriptor ->
                                !descriptor.getTestClass().isAnnotationPresent(FirstOnItsDeployment.class))
                        .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static String deploymentKey(ClassDescriptor descriptor) {
        Method method = KeptDeployments.deploymentMethod(descriptor.getTestClass());
        return method == null ? "" : method.getDeclaringClass().getName() + "#" + method.getName();
    }
}
