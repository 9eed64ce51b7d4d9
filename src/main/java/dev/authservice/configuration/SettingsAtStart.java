package dev.authservice.configuration;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * Checks every component's {@link Settings} while the application deploys, before the first
 * request and before the schema is migrated. A startup singleton, not an observer of the
 * application context's start: servers start the EJB container first, so a bad key stops the
 * deployment before the web module exists. (Payara Micro fired the context's start only once the
 * web module at "/" was half up, and a failure then left every path, its own /health included,
 * answering 500.)
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SettingsAtStart {

    @Inject
    @Any
    Instance<Settings> everySettings;

    @PostConstruct
    void checkAll() {
        everySettings.forEach(Settings::check);
    }
}
