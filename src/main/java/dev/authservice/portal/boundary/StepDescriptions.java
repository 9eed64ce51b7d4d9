package dev.authservice.portal.boundary;

import dev.authservice.passkeys.control.PasskeySummary;
import dev.authservice.selfservice.boundary.AccountOverview;
import dev.authservice.sessions.control.SessionSummary;
import java.util.Optional;

/** What a step page says its action will do, in the words of the person's own account. */
final class StepDescriptions {

    private StepDescriptions() {}

    /** Empty when the step acts on a session or passkey that is not the person's, or not live. */
    static Optional<String> of(AccountStep step, String id, AccountOverview account) {
        return switch (step) {
            case SIGN_OUT_SESSION ->
                account.sessions().stream()
                        .filter(s -> !s.current() && s.id().equals(id))
                        .findFirst()
                        .map(StepDescriptions::session);
            case SIGN_OUT_OTHERS -> {
                long others =
                        account.sessions().stream().filter(s -> !s.current()).count();
                yield Optional.of("Every session but this browser's ends (" + others
                        + (others == 1 ? " session)." : " sessions)."));
            }
            case TURN_ON_TOTP ->
                Optional.of("Next you scan a QR code with an authenticator app and enter its first code."
                        + " Signing in will then ask for a code as well as your password.");
            case TURN_OFF_TOTP ->
                Optional.of("Signing in will ask for your password alone, and your recovery codes stop working.");
            case ADD_PASSKEY -> Optional.of("Next your device's screen lock or your security key makes the passkey.");
            case REMOVE_PASSKEY ->
                account.passkeys().stream()
                        .filter(p -> p.id().equals(id))
                        .findFirst()
                        .map(StepDescriptions::passkey);
            case CHANGE_EMAIL ->
                Optional.of(
                        id == null || id.isBlank()
                                ? "Your account's email address is removed: no reset links or notices by email."
                                : "Your account's email address becomes " + id.strip()
                                        + ". We send a link there to confirm it"
                                        + (account.email() == null ? "." : ", and tell " + account.email() + "."));
            case DELETE_ACCOUNT ->
                Optional.of("This deletes the account " + account.username()
                        + " with its sessions, second factor and passkeys. It cannot be undone.");
        };
    }

    private static String session(SessionSummary session) {
        return "The session of " + session.device()
                + (session.client() == null ? "" : " at " + session.client())
                + ", signed in " + AccountPages.time(session.createdAt()) + ", ends.";
    }

    private static String passkey(PasskeySummary passkey) {
        return "The passkey \u201c" + passkey.name() + "\u201d, added " + AccountPages.time(passkey.createdAt())
                + ", stops working here. Remove it from your device as well.";
    }
}
