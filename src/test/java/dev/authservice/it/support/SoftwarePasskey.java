package dev.authservice.it.support;

import com.webauthn4j.converter.AttestationObjectConverter;
import com.webauthn4j.converter.AuthenticatorDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.data.attestation.AttestationObject;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.authenticator.EC2COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.UUID;

/**
 * An authenticator in the test: an ES256 key pair that answers the service's WebAuthn options as
 * a browser would (the JSON of PublicKeyCredential.toJSON()), with attestation "none". Its
 * answers can be bent one way at a time (origin, rp id, counter, user handle) to see the service
 * refuse them. webauthn4j's data classes write the CBOR; the test writes no binary format itself.
 */
public final class SoftwarePasskey {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNB64 = Base64.getUrlDecoder();
    private static final ObjectConverter CONVERTER = new ObjectConverter();

    private final KeyPair keys;
    private final byte[] credentialId;
    private final String origin;
    private byte[] userHandle;
    private long counter;
    private final boolean synced;

    /** A new key for pages of {@code origin} (scheme://host:port). */
    public SoftwarePasskey(String origin) {
        this(origin, false);
    }

    /**
     * A passkey synced between devices, as platform authenticators make them: its signature
     * counter is 0 at registration and in every answer, so no counter check can refuse a replay.
     */
    public static SoftwarePasskey synced(String origin) {
        return new SoftwarePasskey(origin, true);
    }

    private SoftwarePasskey(String origin, boolean synced) {
        this.synced = synced;
        this.origin = origin;
        this.credentialId = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The origin of the service at {@code base}. */
    public static String originOf(java.net.URL base) {
        return originOf(URI.create(base.toString()));
    }

    public static String originOf(URI base) {
        return base.getScheme() + "://" + base.getRawAuthority();
    }

    public String credentialId() {
        return B64.encodeToString(credentialId);
    }

    /** The answer to POST /webauthn/register/options's "publicKey": a new discoverable credential. */
    public String register(JsonObject options) {
        userHandle = UNB64.decode(options.getJsonObject("user").getString("id"));
        String rpId = options.getJsonObject("rp").getString("id");
        counter = synced ? 0 : 1;
        String clientData = clientData("webauthn.create", options.getString("challenge"), origin);
        AuthenticatorData<?> authenticatorData = new AuthenticatorData<>(
                sha256(rpId.getBytes(StandardCharsets.UTF_8)),
                (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV | AuthenticatorData.BIT_AT),
                counter,
                new AttestedCredentialData(
                        AAGUID.ZERO,
                        credentialId,
                        EC2COSEKey.create((ECPublicKey) keys.getPublic(), COSEAlgorithmIdentifier.ES256)));
        @SuppressWarnings("unchecked")
        byte[] attestationObject = new AttestationObjectConverter(CONVERTER)
                .convertToBytes(
                        new AttestationObject((AuthenticatorData) authenticatorData, new NoneAttestationStatement()));
        return Json.createObjectBuilder()
                .add("id", credentialId())
                .add("rawId", credentialId())
                .add("type", "public-key")
                .add(
                        "response",
                        Json.createObjectBuilder()
                                .add("clientDataJSON", B64.encodeToString(clientData.getBytes(StandardCharsets.UTF_8)))
                                .add("attestationObject", B64.encodeToString(attestationObject))
                                .add("transports", Json.createArrayBuilder().add("internal")))
                .add("clientExtensionResults", Json.createObjectBuilder())
                .add("authenticatorAttachment", "platform")
                .build()
                .toString();
    }

    /** The answer to login options, as an honest authenticator gives it: the next counter, its own origin and rp id. */
    public String sign(JsonObject options) {
        return sign(options, new Bend());
    }

    /** One way at a time to make an answer dishonest; the defaults are honest. */
    public static final class Bend {
        String origin;
        String rpId;
        Long counter;
        byte[] userHandle;
        String type = "webauthn.get";

        public Bend origin(String value) {
            origin = value;
            return this;
        }

        public Bend rpId(String value) {
            rpId = value;
            return this;
        }

        public Bend counter(long value) {
            counter = value;
            return this;
        }

        public Bend userHandle(byte[] value) {
            userHandle = value;
            return this;
        }
    }

    public String sign(JsonObject options, Bend bend) {
        counter = bend.counter != null ? bend.counter : synced ? 0 : counter + 1;
        String rpId = bend.rpId != null ? bend.rpId : options.getString("rpId");
        String clientData =
                clientData(bend.type, options.getString("challenge"), bend.origin != null ? bend.origin : origin);
        byte[] clientDataBytes = clientData.getBytes(StandardCharsets.UTF_8);
        byte[] authenticatorData = new AuthenticatorDataConverter(CONVERTER)
                .convert(new AuthenticatorData<>(
                        sha256(rpId.getBytes(StandardCharsets.UTF_8)),
                        (byte) (AuthenticatorData.BIT_UP | AuthenticatorData.BIT_UV),
                        counter));
        byte[] signature;
        try {
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(authenticatorData);
            signer.update(sha256(clientDataBytes));
            signature = signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        byte[] handle = bend.userHandle != null ? bend.userHandle : userHandle;
        var response = Json.createObjectBuilder()
                .add("clientDataJSON", B64.encodeToString(clientDataBytes))
                .add("authenticatorData", B64.encodeToString(authenticatorData))
                .add("signature", B64.encodeToString(signature));
        if (handle != null) {
            response.add("userHandle", B64.encodeToString(handle));
        }
        return Json.createObjectBuilder()
                .add("id", credentialId())
                .add("rawId", credentialId())
                .add("type", "public-key")
                .add("response", response)
                .add("clientExtensionResults", Json.createObjectBuilder())
                .add("authenticatorAttachment", "platform")
                .build()
                .toString();
    }

    /** This authenticator's user handle, as the service gave it at registration. */
    public byte[] userHandle() {
        return userHandle.clone();
    }

    private static String clientData(String type, String challenge, String origin) {
        return Json.createObjectBuilder()
                .add("type", type)
                .add("challenge", challenge)
                .add("origin", origin)
                .add("crossOrigin", false)
                .build()
                .toString();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
