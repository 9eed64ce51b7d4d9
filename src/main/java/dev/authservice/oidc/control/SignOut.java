package dev.authservice.oidc.control;

/** What an RP-initiated logout request comes to. */
public sealed interface SignOut {

    /** Refused with a page: a post_logout_redirect_uri not registered, or a hint that is not ours. */
    record Refused(String message) implements SignOut {}

    /** Signed out: the browser goes to {@code redirect} (with state), or to the portal when null. */
    record Done(String redirect) implements SignOut {}

    /** No valid id_token_hint: the person confirms on a page first (RP-Initiated Logout, section 2). */
    record ConfirmationNeeded(String username) implements SignOut {}
}
