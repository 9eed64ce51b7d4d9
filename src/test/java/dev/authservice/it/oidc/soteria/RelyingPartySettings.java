package dev.authservice.it.oidc.soteria;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Where the provider is and who this client is: /relying-party.properties in the application,
 * which the test writes when it builds the WAR, so that the secret is not in the code.
 */
@Named
@ApplicationScoped
public class RelyingPartySettings {

    private final Properties settings = new Properties();

    @PostConstruct
    void read() {
        try (InputStream in = RelyingPartySettings.class.getResourceAsStream("/relying-party.properties")) {
            settings.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String getProvider() {
        return settings.getProperty("provider");
    }

    public String getClientId() {
        return settings.getProperty("clientId");
    }

    public String getClientSecret() {
        return settings.getProperty("clientSecret");
    }
}
