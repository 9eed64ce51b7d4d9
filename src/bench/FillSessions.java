import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;

/**
 * Grows the session table of a stopped service's database to N rows, for the token-check
 * scaling figure: live sessions of one existing user, with random-looking token hashes.
 *
 *   java -cp DERBY_JARS src/bench/FillSessions.java AUTH_DB_DIR USERNAME ROWS
 *
 * where DERBY_JARS are derby, derbyshared and derbytools 10.16.1.1 from the local Maven
 * repository (the README shows the command).
 */
public class FillSessions {

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        String username = args[1];
        int rows = Integer.parseInt(args[2]);
        long now = System.currentTimeMillis();
        long expires = now + 12 * 3600_000L;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        try (Connection db = DriverManager.getConnection("jdbc:derby:" + dir)) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement(
                    "INSERT INTO AUTH_SESSION (TOKEN_HASH, USERNAME, CREATED_AT, EXPIRES_AT, IDLE_EXPIRES_AT) VALUES (?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    byte[] digest = sha256.digest(("filler-" + now + "-" + i).getBytes(StandardCharsets.US_ASCII));
                    insert.setString(1, HexFormat.of().formatHex(digest));
                    insert.setString(2, username);
                    insert.setLong(3, now);
                    insert.setLong(4, expires);
                    insert.setLong(5, expires);
                    insert.addBatch();
                    if (i % 10_000 == 9_999) {
                        insert.executeBatch();
                        db.commit();
                    }
                }
                insert.executeBatch();
                db.commit();
            }
        } finally {
            try {
                DriverManager.getConnection("jdbc:derby:;shutdown=true").close();
            } catch (SQLException expected) {
                // XJ015: Derby reports a clean shutdown as an exception
            }
        }
        System.out.println("inserted " + rows + " sessions");
    }
}
