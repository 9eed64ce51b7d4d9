-- The keys that sign OpenID Connect tokens (docs/oidc.md). The first is made at first use, by
-- whichever instance gets there first: the generation is the primary key, so of two instances
-- making generation 1 at once one insert fails and that instance reads the other's key. The
-- public half is stored as a JWK; the private half only sealed (AES-256-GCM with auth.mfa.key, the
-- key that seals TOTP secrets), so that every instance signs with the same key and a copy of the
-- database alone signs nothing.
CREATE TABLE AUTH_SIGNING_KEY (
    GENERATION   INT           NOT NULL PRIMARY KEY,
    KID          VARCHAR(64)   NOT NULL UNIQUE,
    ALGORITHM    VARCHAR(16)   NOT NULL,
    PUBLIC_JWK   VARCHAR(2048) NOT NULL,
    SEALED_JWK   VARCHAR(8192) NOT NULL,
    CREATED_AT   BIGINT        NOT NULL
);
