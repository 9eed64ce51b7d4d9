package dev.authservice.keys.control;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Reads the signing keys at deployment, and on a new database makes the first: making an RSA key
 * takes about half a second, which a relying party's first fetch of the key set (Soteria gives up
 * after 500 ms) should not wait for. A database that cannot be read now is no reason to fail the
 * deployment; the first request reads them then.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SigningKeysAtStart {

    private static final Logger LOG = Logger.getLogger(SigningKeysAtStart.class.getName());

    @Inject
    SigningKeys keys;

    @PostConstruct
    void load() {
        try {
            keys.published();
        } catch (RuntimeException e) {
            LOG.warning(() -> "The OpenID provider's signing keys could not be read at start; the first"
                    + " request will read them: " + e);
        }
    }
}
