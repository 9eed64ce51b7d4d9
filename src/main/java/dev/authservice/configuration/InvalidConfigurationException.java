package dev.authservice.configuration;

/** A configuration value outside its allowed range; the message names the key and the range. */
public final class InvalidConfigurationException extends RuntimeException {

    InvalidConfigurationException(String message) {
        super(message, null, false, false);
    }
}
