import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The physical limit for logins: how long one PBKDF2 verification takes at the shipped parameters
 * (PBKDF2WithHmacSHA256, 600,000 iterations, 32-byte salt and key: exactly the computation
 * Jakarta Security's Pbkdf2PasswordHash makes), alone and on every core at once.
 *
 *   java src/bench/HashLimit.java [iterations] [rounds-per-thread]
 *
 * Warm-up rounds are discarded; each measured round is one full derivation.
 */
public class HashLimit {

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 600_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        int cores = Runtime.getRuntime().availableProcessors();
        byte[] salt = new byte[32];
        new SecureRandom().nextBytes(salt);
        char[] password = "a typical passphrase".toCharArray();

        for (int i = 0; i < 10; i++) {
            derive(password, salt, iterations);
        }
        double single = timePerHash(1, rounds, password, salt, iterations);
        double parallel = timePerHash(cores, rounds, password, salt, iterations);
        System.out.printf("PBKDF2WithHmacSHA256, %,d iterations, 32-byte salt and key, %d cores%n", iterations, cores);
        System.out.printf("one thread:    %.1f ms per hash%n", single);
        System.out.printf("%d threads:     %.1f ms per hash per thread%n", cores, parallel);
        System.out.printf(
                "limit:         %.2f hashes/s (cores / time per hash, all cores busy)%n", cores * 1000.0 / parallel);
    }

    private static double timePerHash(int threads, int rounds, char[] password, byte[] salt, int iterations)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Callable<Long>> work = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            work.add(() -> {
                long start = System.nanoTime();
                for (int r = 0; r < rounds; r++) {
                    derive(password, salt, iterations);
                }
                return System.nanoTime() - start;
            });
        }
        long total = 0;
        for (Future<Long> f : pool.invokeAll(work)) {
            total += f.get();
        }
        pool.shutdown();
        return total / 1e6 / threads / rounds;
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) throws Exception {
        byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password, salt, iterations, 256))
                .getEncoded();
        if (Arrays.equals(key, salt)) {
            throw new AssertionError();
        }
        return key;
    }
}
