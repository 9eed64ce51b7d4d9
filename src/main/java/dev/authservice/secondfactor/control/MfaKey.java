package dev.authservice.secondfactor.control;

import dev.authservice.configuration.Settings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The key that seals TOTP secrets: auth.mfa.key (base64 of 32 bytes) when configured, as every
 * instance sharing a database must be; otherwise a key generated once into auth.mfa.key-file,
 * readable by the service's user only, with a warning that says so.
 */
@ApplicationScoped
public class MfaKey implements Settings {

    private static final Logger LOG = Logger.getLogger(MfaKey.class.getName());

    @Inject
    @ConfigProperty(name = "auth.mfa.key")
    Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "auth.mfa.key-file")
    String keyFile;

    private byte[] key;

    /** A bad key or an unwritable key file stops the deployment, not the first enrolment. */
    @Override
    @PostConstruct
    public void check() {
        if (key == null) {
            key = configuredKey.filter(k -> !k.isBlank()).map(MfaKey::decode).orElseGet(this::fromFile);
        }
    }

    @Produces
    @Singleton
    SecretBox secretBox() {
        return new SecretBox(key);
    }

    private static byte[] decode(String base64) {
        try {
            byte[] key = Base64.getDecoder().decode(base64.strip());
            if (key.length == SecretBox.KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException notBase64) {
            // reported below, without the value
        }
        throw new IllegalStateException(
                "auth.mfa.key must be the base64 form of " + SecretBox.KEY_BYTES + " random bytes");
    }

    private byte[] fromFile() {
        Path path = Path.of(keyFile).toAbsolutePath();
        try {
            if (!Files.exists(path)) {
                byte[] key = new byte[SecretBox.KEY_BYTES];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(
                        path.getParent(),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                try {
                    Files.createFile(
                            path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                    Files.writeString(path, Base64.getEncoder().encodeToString(key));
                    LOG.warning(
                            () -> "auth.mfa.key is not set: generated a key for TOTP secrets in " + path
                                    + " (owner-only). Back it up; instances sharing a database must share it (see docs/two-factor.md).");
                } catch (FileAlreadyExistsException anotherInstanceWasFirst) {
                    // read the one it wrote
                }
            }
            return decode(Files.readString(path));
        } catch (IOException e) {
            throw new UncheckedIOException("The TOTP key file " + path + " cannot be read or created", e);
        }
    }
}
