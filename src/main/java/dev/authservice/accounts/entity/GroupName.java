package dev.authservice.accounts.entity;

import dev.authservice.refusal.Refusal;
import java.util.regex.Pattern;

/**
 * A group's name: 1 to 64 of lower-case letters, digits, '.', '_' and '-'. Front ends join names
 * with ',' in X-Auth-Groups, so no name can hold one; nor anything a header or a log would need
 * to escape.
 */
public record GroupName(String value) {

    public static final int MAX_LENGTH = 64;

    private static final Pattern FORM = Pattern.compile("[a-z0-9._-]{1," + MAX_LENGTH + "}");

    public GroupName {
        if (value == null || !FORM.matcher(value).matches()) {
            throw Refusal.invalidRequest("A group name is 1 to 64 characters of a-z, 0-9, '.', '_' and '-'.");
        }
    }

    public static boolean isValid(String value) {
        return value != null && FORM.matcher(value).matches();
    }
}
