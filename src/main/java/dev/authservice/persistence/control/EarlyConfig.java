package dev.authservice.persistence.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Configuration for code the server runs before the application is up, such as the datasource,
 * whose first connection GlassFish opens while it prepares the persistence unit, before its
 * MicroProfile Config implementation is ready. Then this reads the sources every MicroProfile
 * Config has, in its order: system properties, environment variables (with MicroProfile's name
 * mapping, auth.db.dir as AUTH_DB_DIR) and the application's microprofile-config.properties
 * files by config_ordinal. Once MicroProfile Config answers, it is asked instead. (A Config built
 * from MicroProfile's own default sources cannot stand in: at that point GlassFish has no
 * ConfigProviderResolver either, and ConfigProviderResolver.instance() throws.)
 */
final class EarlyConfig {

    private static final String FILE = "META-INF/microprofile-config.properties";
    private static final int DEFAULT_FILE_ORDINAL = 100;

    private EarlyConfig() {}

    static Optional<String> value(String key) {
        ClassLoader application = EarlyConfig.class.getClassLoader();
        try {
            return ConfigProvider.getConfig(application).getOptionalValue(key, String.class);
        } catch (IllegalStateException notReadyYet) {
            return fromStandardSources(key, application);
        }
    }

    static Optional<String> fromStandardSources(String key, ClassLoader application) {
        String property = System.getProperty(key);
        if (property != null) {
            return Optional.of(property);
        }
        String environment = System.getenv(key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase());
        if (environment != null) {
            return Optional.of(environment);
        }
        return files(application)
                .filter(file -> file.getProperty(key) != null)
                .max(Comparator.comparingInt(EarlyConfig::ordinal))
                .map(file -> file.getProperty(key));
    }

    private static Stream<Properties> files(ClassLoader application) {
        try {
            List<URL> urls = Collections.list(application.getResources(FILE));
            return urls.stream().map(EarlyConfig::load);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties load(URL url) {
        Properties properties = new Properties();
        try (InputStream in = url.openStream()) {
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int ordinal(Properties file) {
        return Integer.parseInt(file.getProperty("config_ordinal", Integer.toString(DEFAULT_FILE_ORDINAL))
                .strip());
    }
}
