package dev.authservice.oidc.control;

import dev.authservice.oidc.entity.AuthorizationCode;
import dev.authservice.sessions.control.RefreshTokens;
import dev.authservice.sessions.control.SignedInSession;
import dev.authservice.sessions.entity.RefreshToken;
import dev.authservice.sessions.entity.SessionToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Authorization codes: made when a signed-in person is sent back to a client, redeemed once at the
 * token endpoint. The rules of RFC 6749 (section 4.1.3 and 10.5), RFC 7636 and RFC 9700 live here:
 * a code is bound to its client, its redirect URI and its PKCE challenge, lives at most a minute,
 * and its second redemption ends every token its first led to.
 */
@ApplicationScoped
public class AuthorizationCodes {

    /** RFC 7636, section 4.1. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    @PersistenceContext
    EntityManager em;

    @Inject
    RefreshTokens refreshTokens;

    @Inject
    CodeRedemptions redemptions;

    @Inject
    Clock clock;

    /** A new code for what the person approved in {@code session}; shown to the client once. */
    public SessionToken issue(
            String clientId,
            String redirectUri,
            SignedInSession session,
            String scope,
            String nonce,
            String codeChallenge) {
        SessionToken code = SessionToken.generate();
        em.persist(new AuthorizationCode(
                code.hash(),
                clientId,
                redirectUri,
                session.sessionId(),
                session.username(),
                scope,
                nonce,
                codeChallenge,
                RefreshToken.newFamily(),
                clock.instant().plus(OidcSettings.CODE_LIFETIME)));
        return code;
    }

    /**
     * Redeems a code for {@code clientId}. Another client's code is refused and left as it was;
     * any other use spends it, so that a code refused once (expired, another redirect URI, a wrong
     * verifier) never works after.
     */
    public AuthorizationCode redeem(SessionToken code, String clientId, String redirectUri, String verifier) {
        AuthorizationCode stored = em.find(AuthorizationCode.class, code.hash());
        if (stored == null || !stored.clientId().equals(clientId)) {
            throw OAuthError.invalidGrant("The code is unknown, expired, or was issued to another client.");
        }
        if (!redemptions.markRedeemed(code.hash())) {
            refreshTokens.endFamilyNow(stored.family());
            throw OAuthError.invalidGrant("The code was used already; the tokens issued for it are revoked.");
        }
        if (stored.isExpiredAt(clock.instant())) {
            throw OAuthError.invalidGrant("The code is unknown, expired, or was issued to another client.");
        }
        if (!stored.redirectUri().equals(redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri is not the one the code was issued for.");
        }
        String challenge = stored.codeChallenge();
        if (challenge == null && verifier != null) {
            throw OAuthError.invalidGrant(
                    "code_verifier was sent, but the authorization request had no code_challenge.");
        }
        if (challenge != null
                && (verifier == null || !VERIFIER.matcher(verifier).matches() || !challenge.equals(s256(verifier)))) {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge.");
        }
        return stored;
    }

    /** Deletes expired codes, in a transaction of its own; returns how many. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int deleteExpired() {
        return em.createNamedQuery(AuthorizationCode.DELETE_EXPIRED)
                .setParameter("now", clock.instant().minus(OidcSettings.CODE_LIFETIME))
                .executeUpdate();
    }

    /** RFC 7636's S256: base64url of the SHA-256 of the verifier's ASCII. */
    public static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
