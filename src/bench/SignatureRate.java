import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/**
 * The physical limit for the token endpoint: how many JWS signatures (and verifications) one core
 * makes per second with the JDK's own providers, for RS256 (2048-bit RSA) and ES256 (P-256),
 * over a signing input the size of an access token's. Every refresh signs twice (the ID token and
 * the access token), so on n cores no OpenID provider on this JVM refreshes faster than
 * n × (signatures per second) / 2, whatever else it does.
 *
 *   java src/bench/SignatureRate.java [seconds-per-measurement]
 *
 * Each figure is the last of three rounds, the first two being the JIT's warm-up.
 */
public class SignatureRate {

    interface Operation {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        byte[] signingInput = new byte[700];
        KeyPairGenerator rsaGenerator = KeyPairGenerator.getInstance("RSA");
        rsaGenerator.initialize(2048);
        KeyPair rsa = rsaGenerator.generateKeyPair();
        KeyPairGenerator ecGenerator = KeyPairGenerator.getInstance("EC");
        ecGenerator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = ecGenerator.generateKeyPair();
        byte[] rsaSignature = sign("SHA256withRSA", rsa, signingInput);
        byte[] ecSignature = sign("SHA256withECDSA", ec, signingInput);

        System.out.println(System.getProperty("java.vm.name") + " " + System.getProperty("java.version")
                + ", one thread, " + seconds + " s per measurement");
        for (int round = 1; round <= 3; round++) {
            boolean last = round == 3;
            rate(last, seconds, "RS256 sign", () -> sign("SHA256withRSA", rsa, signingInput));
            rate(last, seconds, "RS256 verify", () -> verify("SHA256withRSA", rsa, signingInput, rsaSignature));
            rate(last, seconds, "ES256 sign", () -> sign("SHA256withECDSA", ec, signingInput));
            rate(last, seconds, "ES256 verify", () -> verify("SHA256withECDSA", ec, signingInput, ecSignature));
        }
    }

    private static byte[] sign(String algorithm, KeyPair keys, byte[] input) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(keys.getPrivate());
        signature.update(input);
        return signature.sign();
    }

    private static void verify(String algorithm, KeyPair keys, byte[] input, byte[] signed) throws Exception {
        Signature signature = Signature.getInstance(algorithm);
        signature.initVerify(keys.getPublic());
        signature.update(input);
        if (!signature.verify(signed)) {
            throw new IllegalStateException(algorithm + " did not verify its own signature");
        }
    }

    private static void rate(boolean print, double seconds, String name, Operation operation) throws Exception {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        int count = 0;
        while (System.nanoTime() < end) {
            operation.run();
            count++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (print) {
            System.out.printf(
                    "%-13s %,8.0f per second (%.3f ms each)%n", name, count / elapsed, elapsed * 1000 / count);
        }
    }
}
