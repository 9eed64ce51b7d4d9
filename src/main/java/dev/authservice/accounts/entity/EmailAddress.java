package dev.authservice.accounts.entity;

import dev.authservice.refusal.Refusal;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * An account's email address: one plain RFC 5322 addr-spec (no display name, no group), as
 * Jakarta Mail's strict parser reads it, with its domain in lower case. The local part keeps its
 * case, as RFC 5321 lets a mail server tell {@code Bob@} from {@code bob@}; two accounts are the
 * same address when the whole form here is.
 */
public final class EmailAddress {

    /** RFC 5321's limit on a path, less its angle brackets. */
    public static final int MAX_LENGTH = 254;

    private final String value;

    private EmailAddress(String value) {
        this.value = value;
    }

    /** The address someone typed, trimmed, in canonical form; or an invalid-request refusal saying why not. */
    public static EmailAddress of(String typed) {
        String trimmed = typed == null ? "" : typed.strip();
        if (trimmed.isEmpty()) {
            throw Refusal.invalidRequest("The email address must not be empty.");
        }
        if (trimmed.length() > MAX_LENGTH) {
            throw Refusal.invalidRequest("The email address must be at most " + MAX_LENGTH + " characters long.");
        }
        if (trimmed.chars().anyMatch(c -> c < 0x21 || c == 0x7F || c == '<' || c == '>' || c == ',')) {
            throw Refusal.invalidRequest("The email address must be one address like name@example.com.");
        }
        try {
            InternetAddress parsed = new InternetAddress(trimmed, true);
            parsed.validate();
            String address = parsed.getAddress();
            int at = address.lastIndexOf('@');
            if (at <= 0 || at == address.length() - 1 || parsed.getPersonal() != null || parsed.isGroup()) {
                throw Refusal.invalidRequest("The email address must be one address like name@example.com.");
            }
            return new EmailAddress(
                    address.substring(0, at) + "@" + address.substring(at + 1).toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            throw Refusal.invalidRequest("The email address must be one address like name@example.com.");
        }
    }

    /** An address read back from the database, already canonical. */
    public static EmailAddress stored(String value) {
        return value == null ? null : new EmailAddress(value);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmailAddress address && address.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
