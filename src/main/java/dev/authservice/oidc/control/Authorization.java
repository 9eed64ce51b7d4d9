package dev.authservice.oidc.control;

/** What an authorization request comes to, for the portal to answer in a browser. */
public sealed interface Authorization {

    /**
     * The client or its redirect URI is not registered: an error page, never a redirect, since a
     * redirect to an unregistered URI is what an attacker would want (RFC 6749, section 4.1.2.1).
     */
    record Refused(String message) implements Authorization {}

    /** An error for the client, sent to its registered redirect URI. */
    record Failed(String redirectUri, String error, String description, String state, boolean formPost)
            implements Authorization {}

    /** The person must sign in (again, if {@code fresh}); then the browser returns with {@code returnQuery}. */
    record SignInNeeded(boolean fresh, String loginHint, String returnQuery) implements Authorization {}

    /** Signed in, but in none of the groups the client allows. */
    record NoAccess(String username, String clientName) implements Authorization {}

    /** Signed in with a password that must be changed first. */
    record PasswordChangeDue() implements Authorization {}

    /** Approved: the code goes back to the client. */
    record Approved(String redirectUri, String code, String state, String issuer, boolean formPost, String clientName)
            implements Authorization {}
}
