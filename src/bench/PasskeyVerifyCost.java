import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import dev.authservice.it.SoftwarePasskey;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * The share of a passkey sign-in that is webauthn4j's, in this JVM without a server: parsing the
 * browser's AuthenticationResponseJSON and verifying it (client data, rp id hash, flags, ES256
 * signature, counter), as Passkeys.verifyAssertion calls them. Set beside PasskeySignInTiming's
 * figures, the rest of a sign-in is the database's.
 *
 *   java -cp target/test-classes:$(cat target/bench.cp) src/bench/PasskeyVerifyCost.java [assertions]
 */
public class PasskeyVerifyCost {

    public static void main(String[] args) {
        int assertions = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        String origin = "https://auth.example.com";
        String rpId = "auth.example.com";
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        SecureRandom random = new SecureRandom();
        WebAuthnManager webAuthn =
                WebAuthnManager.createNonStrictWebAuthnManager(new com.webauthn4j.converter.util.ObjectConverter());
        SoftwarePasskey passkey = new SoftwarePasskey(origin);
        byte[] registrationChallenge = new byte[32];
        random.nextBytes(registrationChallenge);
        JsonObject creation = Json.createObjectBuilder()
                .add("rp", Json.createObjectBuilder().add("id", rpId))
                .add("user", Json.createObjectBuilder().add("id", b64.encodeToString(new byte[32])))
                .add("challenge", b64.encodeToString(registrationChallenge))
                .build();
        RegistrationData registration = webAuthn.parseRegistrationResponseJSON(passkey.register(creation));
        var credential =
                registration.getAttestationObject().getAuthenticatorData().getAttestedCredentialData();
        long counter = 1;
        List<Double> micros = new ArrayList<>();
        for (int i = 0; i < assertions; i++) {
            byte[] challenge = new byte[32];
            random.nextBytes(challenge);
            String answer = passkey.sign(Json.createObjectBuilder()
                    .add("challenge", b64.encodeToString(challenge))
                    .add("rpId", rpId)
                    .build());
            var record = new CredentialRecordImpl(null, null, null, null, counter, credential, null, null, null, null);
            long start = System.nanoTime();
            AuthenticationData data = webAuthn.parseAuthenticationResponseJSON(answer);
            webAuthn.verify(
                    data,
                    new AuthenticationParameters(
                            new ServerProperty(new Origin(origin), rpId, new DefaultChallenge(challenge)),
                            record,
                            null,
                            true,
                            true));
            long end = System.nanoTime();
            counter = data.getAuthenticatorData().getSignCount();
            if (i >= assertions / 4) { // the first quarter warms the JIT
                micros.add((end - start) / 1e3);
            }
        }
        Collections.sort(micros);
        System.out.printf(
                "parse + verify, n=%d: p50 %.0f µs, p90 %.0f µs, p99 %.0f µs%n",
                micros.size(), micros.get(micros.size() / 2), micros.get((int) (micros.size() * 0.9)), micros.get((int)
                        (micros.size() * 0.99)));
    }
}
