package dev.authservice.email.control;

import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.devices.control.KnownDevices;
import dev.authservice.mail.control.EmailLinks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A deleted account's links and known devices go with it, in the deletion's transaction, so that
 * a new account under the same name inherits neither.
 */
@ApplicationScoped
public class DeletedAccounts {

    @Inject
    EmailLinks links;

    @Inject
    KnownDevices devices;

    void onDeleted(@Observes SecurityEvent event) {
        String deleted = switch (event.kind()) {
            case ACCOUNT_DELETED -> event.username();
            case ADMIN_USER_DELETED -> event.target();
            default -> null;
        };
        if (deleted != null) {
            links.endAllOf(deleted);
            devices.forget(deleted);
        }
    }
}
