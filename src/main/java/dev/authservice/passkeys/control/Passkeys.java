package dev.authservice.passkeys.control;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.util.CborConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecord;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AAGUID;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.COSEKey;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.Challenge;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.authservice.accounts.entity.User;
import dev.authservice.audit.control.SecurityEvent;
import dev.authservice.audit.entity.Client;
import dev.authservice.devices.control.DeviceNames;
import dev.authservice.http.control.Branding;
import dev.authservice.passkeys.entity.Passkey;
import dev.authservice.passkeys.entity.WebAuthnChallenge.Ceremony;
import dev.authservice.persistence.control.ConstraintViolations;
import dev.authservice.refusal.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The passkey rules: what the browser is asked for in each ceremony, and what its answer must
 * prove. Parsing (CBOR, COSE, client data) and verification (challenge, origin, rp id hash,
 * flags, signature, counter) are webauthn4j's; what is this service's own is which challenge,
 * which account and which passkey an answer may use.
 */
@ApplicationScoped
public class Passkeys {

    /** ES256 and RS256: what every platform and security key offers, verified by the JDK alone. */
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder UNBASE64URL = Base64.getUrlDecoder();
    private static final JsonBuilderFactory JSON = JsonProvider.provider().createBuilderFactory(Map.of());
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int USER_HANDLE_BYTES = 32;

    // Attestation "none" is asked for; the non-strict manager accepts whatever statement comes
    // without judging its trust, and none of it is kept.
    private final WebAuthnManager webAuthn = WebAuthnManager.createNonStrictWebAuthnManager();
    private final CborConverter cbor = new ObjectConverter().getCborConverter();

    @PersistenceContext
    EntityManager em;

    @Inject
    Branding branding;

    @Inject
    DeviceNames devices;

    @Inject
    Challenges challenges;

    @Inject
    Clock clock;

    @Inject
    Event<SecurityEvent> events;

    /**
     * The options for navigator.credentials.create, for a user whose row the caller holds locked:
     * a discoverable credential, user verification preferred, no attestation, none of the user's
     * passkeys again.
     */
    public JsonObject registrationOptions(User user, RelyingParty rp) {
        if (user.webAuthnUserHandle() == null) {
            byte[] handle = new byte[USER_HANDLE_BYTES];
            RANDOM.nextBytes(handle);
            user.assignWebAuthnUserHandle(BASE64URL.encodeToString(handle));
        }
        byte[] challenge = challenges.issue(Ceremony.REGISTRATION, user.username());
        JsonArrayBuilder algorithms = JSON.createArrayBuilder();
        ALGORITHMS.forEach(a -> algorithms.add(JSON.createObjectBuilder()
                .add("type", "public-key")
                .add("alg", a.getAlg().getValue())));
        return JSON.createObjectBuilder()
                .add("rp", JSON.createObjectBuilder().add("id", rp.id()).add("name", branding.title()))
                .add(
                        "user",
                        JSON.createObjectBuilder()
                                .add("id", user.webAuthnUserHandle())
                                .add("name", user.username())
                                .add("displayName", user.username()))
                .add("challenge", BASE64URL.encodeToString(challenge))
                .add("pubKeyCredParams", algorithms)
                .add("timeout", Challenges.LIFETIME.toMillis())
                .add("excludeCredentials", descriptors(of(user.username())))
                .add(
                        "authenticatorSelection",
                        JSON.createObjectBuilder()
                                .add("residentKey", "required")
                                .add("requireResidentKey", true)
                                .add("userVerification", "preferred"))
                .add("attestation", "none")
                .build();
    }

    /** Verifies the browser's answer to {@link #registrationOptions} and keeps the new passkey. */
    public Passkey register(User user, String registrationResponseJson, String name, RelyingParty rp, Client client) {
        String typedName = PasskeyNames.valid(name, devices.of(client.userAgent()));
        RegistrationData data;
        try {
            data = webAuthn.parseRegistrationResponseJSON(registrationResponseJson);
        } catch (RuntimeException unreadable) {
            throw Refusal.invalidRequest(
                    "The passkey's answer (\"credential\") is not a WebAuthn registration response.");
        }
        byte[] challenge = challengeOf(data.getCollectedClientData());
        challenges.take(challenge, Ceremony.REGISTRATION, user.username());
        try {
            webAuthn.verify(data, new RegistrationParameters(serverProperty(rp, challenge), ALGORITHMS, false, true));
        } catch (VerificationException refused) {
            throw Refusal.invalidRequest("The passkey could not be verified: " + refused.getMessage());
        }
        AttestedCredentialData credential =
                data.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
        String id = Challenges.hash(credential.getCredentialId());
        if (em.find(Passkey.class, id) != null) {
            throw Refusal.conflict("This passkey is registered already.");
        }
        Set<AuthenticatorTransport> transports = data.getTransports() == null ? Set.of() : data.getTransports();
        Passkey passkey = new Passkey(
                id,
                BASE64URL.encodeToString(credential.getCredentialId()),
                user.username(),
                user.webAuthnUserHandle(),
                BASE64URL.encodeToString(cbor.writeValueAsBytes(credential.getCOSEKey())),
                data.getAttestationObject().getAuthenticatorData().getSignCount(),
                transports.stream().map(AuthenticatorTransport::getValue).collect(Collectors.joining(",")),
                typedName,
                clock.instant());
        try {
            em.persist(passkey);
            em.flush();
        } catch (PersistenceException e) {
            if (ConstraintViolations.causedBy(e)) {
                // The same passkey registered at the same moment in another request.
                throw Refusal.conflict("This passkey is registered already.");
            }
            throw e;
        }
        return passkey;
    }

    /**
     * The options for navigator.credentials.get. For a second factor: the account's passkeys,
     * user verification preferred (the password was the first factor). For a sign-in with a
     * passkey alone: any discoverable passkey, user verification required (it stands for both).
     */
    public JsonObject assertionOptions(Ceremony ceremony, String username, RelyingParty rp) {
        byte[] challenge = challenges.issue(ceremony, username);
        return JSON.createObjectBuilder()
                .add("challenge", BASE64URL.encodeToString(challenge))
                .add("timeout", Challenges.LIFETIME.toMillis())
                .add("rpId", rp.id())
                .add("allowCredentials", descriptors(username == null ? List.of() : of(username)))
                .add("userVerification", ceremony == Ceremony.SIGN_IN ? "required" : "preferred")
                .build();
    }

    /**
     * The passkey a browser's answer to {@link #assertionOptions} proves, with its counter and
     * last use recorded. Refused (401, all alike): an unreadable answer; a challenge unknown, used,
     * expired, or issued for another ceremony or account; a passkey unknown, or not the account's
     * (for a second factor) or not the user handle's (alone); a failed verification; a counter
     * that did not move forward (also logged as a possible cloned authenticator).
     */
    public Passkey verifyAssertion(
            String authenticationResponseJson, Ceremony ceremony, String username, RelyingParty rp, Client client) {
        AuthenticationData data;
        try {
            data = webAuthn.parseAuthenticationResponseJSON(authenticationResponseJson);
        } catch (RuntimeException unreadable) {
            throw Refusal.passkeyRefused();
        }
        byte[] challenge = challengeOf(data.getCollectedClientData());
        challenges.take(challenge, ceremony, username);
        Passkey passkey = data.getCredentialId() == null
                ? null
                : em.find(Passkey.class, Challenges.hash(data.getCredentialId()), LockModeType.PESSIMISTIC_WRITE);
        if (passkey == null) {
            throw Refusal.passkeyRefused();
        }
        if (!belongs(passkey, data.getUserHandle(), username)) {
            events.fire(new SecurityEvent(
                    SecurityEvent.Kind.PASSKEY_NOT_OWNED,
                    username == null ? "-" : username,
                    client,
                    0,
                    passkey.username()));
            throw Refusal.passkeyRefused();
        }
        try {
            webAuthn.verify(
                    data,
                    new AuthenticationParameters(
                            serverProperty(rp, challenge), record(passkey), null, ceremony == Ceremony.SIGN_IN, true));
        } catch (MaliciousCounterValueException counterWentBack) {
            events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSKEY_COUNTER_REFUSED, passkey.username(), client));
            throw Refusal.passkeyRefused();
        } catch (VerificationException refused) {
            events.fire(SecurityEvent.of(SecurityEvent.Kind.PASSKEY_FAILED, passkey.username(), client));
            throw Refusal.passkeyRefused();
        }
        passkey.usedAt(clock.instant(), data.getAuthenticatorData().getSignCount());
        return passkey;
    }

    /** The user's passkeys, oldest first. */
    public List<Passkey> of(String username) {
        return em.createNamedQuery(Passkey.OF_USER, Passkey.class)
                .setParameter("username", username)
                .getResultList();
    }

    /** The user's passkey with this id; one not-found answer for unknown and someone else's. */
    public Passkey ownedBy(String username, String id) {
        Passkey passkey = id == null ? null : em.find(Passkey.class, id);
        if (passkey == null || !passkey.username().equals(username)) {
            throw Refusal.notFound("No such passkey.");
        }
        return passkey;
    }

    /** The name offered for a passkey this client is about to make: its device's. */
    public String suggestedName(Client client) {
        return PasskeyNames.suggested(devices.of(client.userAgent()));
    }

    public void rename(Passkey passkey, String name) {
        passkey.rename(PasskeyNames.valid(name, null));
    }

    public void remove(Passkey passkey) {
        em.remove(passkey);
    }

    /** Ends every ceremony under way for the account: a sign-in or registration begun before now cannot finish. */
    public void endCeremoniesOf(String username) {
        challenges.endAllOf(username);
    }

    /** Removes every passkey of the account (its deletion, an administrator's reset); returns how many. */
    public int removeAllOf(String username) {
        return em.createNamedQuery(Passkey.DELETE_ALL_OF_USER)
                .setParameter("username", username)
                .executeUpdate();
    }

    /**
     * For a second factor, the pending account's own passkey (and its user handle, if the browser
     * sent one); alone, the passkey whose user handle the authenticator returned. A passkey of
     * another account is refused even with a valid signature (Yubico's YSA-2026-02 is this check
     * missing).
     */
    private static boolean belongs(Passkey passkey, byte[] userHandle, String username) {
        boolean handleMatches =
                userHandle != null && Arrays.equals(userHandle, UNBASE64URL.decode(passkey.userHandle()));
        if (username == null) {
            return handleMatches;
        }
        return passkey.username().equals(username) && (userHandle == null || handleMatches);
    }

    private CredentialRecord record(Passkey passkey) {
        COSEKey key = cbor.readValue(UNBASE64URL.decode(passkey.publicKey()), COSEKey.class);
        Set<AuthenticatorTransport> transports = new LinkedHashSet<>();
        for (String t : passkey.transports().split(",")) {
            if (!t.isEmpty()) {
                transports.add(AuthenticatorTransport.create(t));
            }
        }
        return new CredentialRecordImpl(
                null,
                null,
                null,
                null,
                passkey.signCount(),
                new AttestedCredentialData(AAGUID.ZERO, UNBASE64URL.decode(passkey.credentialId()), key),
                null,
                null,
                null,
                transports);
    }

    private static ServerProperty serverProperty(RelyingParty rp, byte[] challenge) {
        Challenge expected = new DefaultChallenge(challenge);
        return new ServerProperty(new Origin(rp.origin()), rp.id(), expected);
    }

    private static byte[] challengeOf(CollectedClientData clientData) {
        return clientData == null || clientData.getChallenge() == null
                ? null
                : clientData.getChallenge().getValue();
    }

    private static JsonArrayBuilder descriptors(List<Passkey> passkeys) {
        JsonArrayBuilder list = JSON.createArrayBuilder();
        for (Passkey p : passkeys) {
            JsonArrayBuilder transports = JSON.createArrayBuilder();
            for (String t : p.transports().split(",")) {
                if (!t.isEmpty()) {
                    transports.add(t);
                }
            }
            JsonObjectBuilder descriptor =
                    JSON.createObjectBuilder().add("type", "public-key").add("id", p.credentialId());
            list.add(descriptor.add("transports", transports));
        }
        return list;
    }
}
