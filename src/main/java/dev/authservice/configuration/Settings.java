package dev.authservice.configuration;

/**
 * One component's configuration keys, read through MicroProfile Config and checked against their
 * allowed ranges. Each implementation checks itself when it is created, and {@link SettingsAtStart}
 * creates every one at deployment, so that a bad value stops the deployment instead of failing
 * requests later.
 */
public interface Settings {

    /** Throws {@link InvalidConfigurationException} naming every key of this component out of range. */
    void check();
}
