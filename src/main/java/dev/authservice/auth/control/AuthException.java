package dev.authservice.auth.control;

import jakarta.ejb.ApplicationException;

/**
 * A request the service refuses for a reason the client can act on. The EJB container passes it
 * through unwrapped and rolls the transaction back; the boundary turns it into problem+json.
 * Its message is the problem's detail, so it must never contain a secret.
 */
@ApplicationException(rollback = true)
public abstract class AuthException extends RuntimeException {

    protected AuthException(String detail) {
        super(detail, null, false, false);
    }

    public String detail() {
        return getMessage();
    }
}
