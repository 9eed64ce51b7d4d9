-- ES256 beside RS256 (docs/oidc.md). Every generation of signing keys gets an EC P-256 key of
-- its own beside its RSA key, published and rotated with it; its private half is sealed as the RSA
-- key's is. A generation stored before this version gets its EC key when it is next read, by
-- whichever instance gets there first (the UPDATE that finds EC_KID still null wins).
ALTER TABLE AUTH_SIGNING_KEY ADD COLUMN EC_KID VARCHAR(64);
ALTER TABLE AUTH_SIGNING_KEY ADD COLUMN EC_PUBLIC_JWK VARCHAR(1024);
ALTER TABLE AUTH_SIGNING_KEY ADD COLUMN EC_SEALED_JWK VARCHAR(4096);

-- What each client's tokens are signed with: RS256 unless it registered ES256
-- (id_token_signed_response_alg, OpenID Connect Dynamic Client Registration; and our
-- access_token_signed_response_alg for its access tokens).
ALTER TABLE AUTH_OIDC_CLIENT ADD COLUMN ID_TOKEN_ALG VARCHAR(16) DEFAULT 'RS256' NOT NULL;
ALTER TABLE AUTH_OIDC_CLIENT ADD COLUMN ACCESS_TOKEN_ALG VARCHAR(16) DEFAULT 'RS256' NOT NULL;
