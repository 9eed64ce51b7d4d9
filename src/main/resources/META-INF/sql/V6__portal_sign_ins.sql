-- A browser's sign-in between its password step and its second-factor step (portal): the
-- SHA-256 of the random token in the browser's cookie, whose account, where to go afterwards,
-- whether to keep the session past the browser's end, and until when the step may finish. In
-- the database, so that any instance can finish a step another began; gone with the account.
CREATE TABLE AUTH_PENDING_SIGN_IN (
    TOKEN_HASH     CHAR(64)      NOT NULL PRIMARY KEY,
    USERNAME       VARCHAR(256)  NOT NULL CONSTRAINT AUTH_PENDING_SIGN_IN_USER
                                 REFERENCES AUTH_USER (USERNAME) ON DELETE CASCADE,
    REDIRECT       VARCHAR(2048),
    KEEP_SIGNED_IN SMALLINT      NOT NULL,
    EXPIRES_AT     BIGINT        NOT NULL
);

CREATE INDEX AUTH_PENDING_SIGN_IN_EXPIRES_AT ON AUTH_PENDING_SIGN_IN (EXPIRES_AT);
