package dev.authservice.it.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a class first among those that share its deployment ({@link ByDeployment}): for the
 * relying-party tests, whose applications check iat and exp against their own real clocks, while
 * the deployment's test clock stands still from its start, and moves only when a class moves it.
 * First, it is still near the real time.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface FirstOnItsDeployment {}
