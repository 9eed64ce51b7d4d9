package dev.authservice.notices.control;

import dev.authservice.configuration.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** auth.mail.notice.*: each kind of notice can be turned off; all are on by default (when mail is). */
@ApplicationScoped
public class NoticeSettings implements Settings {

    @Inject
    @ConfigProperty(name = "auth.mail.notice.new-device")
    boolean newDevice;

    @Inject
    @ConfigProperty(name = "auth.mail.notice.locked")
    boolean locked;

    @Inject
    @ConfigProperty(name = "auth.mail.notice.password-changed")
    boolean passwordChanged;

    @Inject
    @ConfigProperty(name = "auth.mail.notice.second-factor-off")
    boolean secondFactorOff;

    @Inject
    @ConfigProperty(name = "auth.mail.notice.passkey-added")
    boolean passkeyAdded;

    @Inject
    @ConfigProperty(name = "auth.mail.notice.address-changed")
    boolean addressChanged;

    /** Booleans: MicroProfile Config has refused anything else before this runs. */
    @Override
    public void check() {}

    public boolean isOn(Notice notice) {
        return switch (notice) {
            case NEW_DEVICE -> newDevice;
            case LOCKED -> locked;
            case PASSWORD_CHANGED -> passwordChanged;
            case SECOND_FACTOR_OFF -> secondFactorOff;
            case PASSKEY_ADDED -> passkeyAdded;
            case ADDRESS_CHANGED -> addressChanged;
        };
    }
}
