package dev.authservice.it.oidc.soteria;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** Where the provider is and who this client is: system properties the test starts the server with. */
@Named
@ApplicationScoped
public class RelyingPartySettings {

    public String getProvider() {
        return System.getProperty("rp.provider");
    }

    public String getClientId() {
        return System.getProperty("rp.clientId");
    }

    public String getClientSecret() {
        return System.getProperty("rp.clientSecret");
    }
}
