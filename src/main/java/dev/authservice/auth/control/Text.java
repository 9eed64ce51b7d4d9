package dev.authservice.auth.control;

/** Checks on text as it arrives from outside. */
final class Text {

    private Text() {
    }

    /** False when the UTF-16 text holds a surrogate that is not half of a pair. */
    static boolean isWellFormedUnicode(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
