-- The OpenID provider's state (docs/oidc.md).
--
-- Every account gets a subject: the stable random identifier OpenID Connect's "sub" carries,
-- never the name, so that an account deleted and a new one of the same name never share one.
-- Accounts from before this version get theirs from the Java migration that follows (V12).
ALTER TABLE AUTH_USER ADD COLUMN SUBJECT CHAR(22);
ALTER TABLE AUTH_USER ADD CONSTRAINT AUTH_USER_SUBJECT UNIQUE (SUBJECT);

-- How a session's sign-in was proved, as OpenID Connect's "amr" names it: "pwd", "pwd otp",
-- "hwk" or "pwd hwk". Null for sessions from before, which SECOND_FACTOR describes.
ALTER TABLE AUTH_SESSION ADD COLUMN AUTH_METHODS VARCHAR(16);

-- The relying parties administrators register. A confidential client's secret is kept only as
-- its SHA-256; a public one (token_endpoint_auth_method "none") has none. The URI lists are
-- newline-joined, each URI registered exactly as it must be matched.
CREATE TABLE AUTH_OIDC_CLIENT (
    CLIENT_ID                  VARCHAR(64)   NOT NULL PRIMARY KEY,
    CLIENT_NAME                VARCHAR(256)  NOT NULL,
    SECRET_HASH                CHAR(64),
    AUTH_METHOD                VARCHAR(32)   NOT NULL,
    REDIRECT_URIS              VARCHAR(8192) NOT NULL,
    POST_LOGOUT_REDIRECT_URIS  VARCHAR(8192) NOT NULL,
    ALLOWED_GROUPS             VARCHAR(4096) NOT NULL,
    CREATED_AT                 BIGINT        NOT NULL,
    UPDATED_AT                 BIGINT        NOT NULL
);

-- Authorization codes, by the SHA-256 of the code: single-use (REDEEMED set by the one UPDATE
-- that wins), bound to the client, the redirect URI, the PKCE challenge and the portal session
-- that approved them, and kept past their redemption until they expire, so that a second
-- redemption finds the grant family it must revoke.
CREATE TABLE AUTH_OIDC_CODE (
    CODE_HASH       CHAR(64)      NOT NULL PRIMARY KEY,
    CLIENT_ID       VARCHAR(64)   NOT NULL,
    REDIRECT_URI    VARCHAR(2048) NOT NULL,
    SESSION_ID      CHAR(22)      NOT NULL,
    USERNAME        VARCHAR(256)  NOT NULL,
    SCOPE           VARCHAR(512)  NOT NULL,
    NONCE           VARCHAR(512),
    CODE_CHALLENGE  VARCHAR(128),
    FAMILY          CHAR(22)      NOT NULL,
    REDEEMED        SMALLINT      NOT NULL,
    EXPIRES_AT      BIGINT        NOT NULL
);
CREATE INDEX AUTH_OIDC_CODE_EXPIRES_AT ON AUTH_OIDC_CODE (EXPIRES_AT);

-- Refresh tokens, by the SHA-256 of the token. A family is every token one code led to; a
-- rotated token stays (ROTATED 1) so that its reuse is recognised and ends the family. Each is
-- bound to the portal session that signed the person in, and lives only while it does: ending the
-- session, or every session of the account, ends them.
CREATE TABLE AUTH_REFRESH_TOKEN (
    TOKEN_HASH   CHAR(64)      NOT NULL PRIMARY KEY,
    FAMILY       CHAR(22)      NOT NULL,
    SESSION_ID   CHAR(22)      NOT NULL,
    USERNAME     VARCHAR(256)  NOT NULL,
    CLIENT_ID    VARCHAR(64)   NOT NULL,
    SCOPE        VARCHAR(512)  NOT NULL,
    ROTATED      SMALLINT      NOT NULL,
    CREATED_AT   BIGINT        NOT NULL
);
CREATE INDEX AUTH_REFRESH_TOKEN_FAMILY ON AUTH_REFRESH_TOKEN (FAMILY);
CREATE INDEX AUTH_REFRESH_TOKEN_SESSION_ID ON AUTH_REFRESH_TOKEN (SESSION_ID);
CREATE INDEX AUTH_REFRESH_TOKEN_USERNAME ON AUTH_REFRESH_TOKEN (USERNAME);
