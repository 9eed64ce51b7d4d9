-- Passkeys (WebAuthn). Each account gets a random user handle, the id its passkeys carry instead
-- of its name. A passkey row holds only public data: the credential id (base64url; the primary
-- key is its SHA-256, a short fixed-length key for every database), the COSE public key, the
-- signature counter, the transports the browser reported, and a name the person chose. No
-- attestation is kept. A ceremony's challenge is a row until it is used once or expires, so that
-- any instance can finish a ceremony another began; both go with the account.
ALTER TABLE AUTH_USER ADD COLUMN WEBAUTHN_USER_HANDLE VARCHAR(64);

CREATE TABLE AUTH_PASSKEY (
    ID            CHAR(64)      NOT NULL PRIMARY KEY,
    CREDENTIAL_ID VARCHAR(1400) NOT NULL,
    USERNAME      VARCHAR(256)  NOT NULL CONSTRAINT AUTH_PASSKEY_USER
                                REFERENCES AUTH_USER (USERNAME) ON DELETE CASCADE,
    USER_HANDLE   VARCHAR(64)   NOT NULL,
    PUBLIC_KEY    VARCHAR(2048) NOT NULL,
    SIGN_COUNT    BIGINT        NOT NULL,
    TRANSPORTS    VARCHAR(256)  NOT NULL,
    NAME          VARCHAR(64)   NOT NULL,
    CREATED_AT    BIGINT        NOT NULL,
    LAST_USED_AT  BIGINT
);

CREATE INDEX AUTH_PASSKEY_USERNAME ON AUTH_PASSKEY (USERNAME);

CREATE TABLE AUTH_WEBAUTHN_CHALLENGE (
    CHALLENGE_HASH CHAR(64)     NOT NULL PRIMARY KEY,
    CEREMONY       VARCHAR(16)  NOT NULL,
    USERNAME       VARCHAR(256) CONSTRAINT AUTH_WEBAUTHN_CHALLENGE_USER
                                REFERENCES AUTH_USER (USERNAME) ON DELETE CASCADE,
    EXPIRES_AT     BIGINT       NOT NULL
);

CREATE INDEX AUTH_WEBAUTHN_CHALLENGE_EXPIRES_AT ON AUTH_WEBAUTHN_CHALLENGE (EXPIRES_AT);
