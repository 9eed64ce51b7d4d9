package dev.authservice.portal.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A portal form that changes something: {@link CsrfFilter} lets it through only when the browser
 * proves it came from the portal's own page. On the handler, so that no form can forget the check
 * by forgetting a line.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface CsrfChecked {}
