package dev.authservice.sessions.entity;

import java.util.List;

/**
 * How a sign-in was proved, in the words of RFC 8176 that OpenID Connect's "amr" claim uses:
 * "pwd" a password, "otp" a one-time code, "hwk" a key held in hardware (a passkey).
 */
public enum AuthMethods {
    PASSWORD("pwd"),
    PASSWORD_AND_CODE("pwd otp"),
    PASSKEY("hwk"),
    PASSWORD_AND_PASSKEY("pwd hwk");

    private final String column;

    AuthMethods(String column) {
        this.column = column;
    }

    /** Whether it proved more than the password, as administration requires by default. */
    public boolean secondFactor() {
        return this != PASSWORD;
    }

    /** The form the AUTH_METHODS column holds. */
    String column() {
        return column;
    }

    public List<String> amr() {
        return List.of(column.split(" "));
    }

    /** What a stored session says; one from before the column, by whether it proved a second factor. */
    static AuthMethods of(String column, boolean secondFactor) {
        for (AuthMethods methods : values()) {
            if (methods.column.equals(column)) {
                return methods;
            }
        }
        return secondFactor ? PASSWORD_AND_CODE : PASSWORD;
    }
}
