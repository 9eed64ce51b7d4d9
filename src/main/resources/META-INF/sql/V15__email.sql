-- Email (docs/email.md). An account may have one address, its domain in lower case, unique among
-- accounts; it is verified by a link. Sessions carry a copy, as they carry the groups, so that the
-- token check stays one primary-key read.
ALTER TABLE AUTH_USER ADD COLUMN EMAIL VARCHAR(320);
ALTER TABLE AUTH_USER ADD COLUMN EMAIL_VERIFIED SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE AUTH_USER ADD CONSTRAINT AUTH_USER_EMAIL_UNIQUE UNIQUE (EMAIL);
ALTER TABLE AUTH_SESSION ADD COLUMN EMAIL VARCHAR(320);
ALTER TABLE AUTH_SESSION ADD COLUMN EMAIL_VERIFIED SMALLINT NOT NULL DEFAULT 0;

-- The links sent by email (a password reset, an address to verify): only the SHA-256 of the
-- token is stored; a link is taken once and lives at most 15 minutes.
CREATE TABLE AUTH_EMAIL_LINK (
    TOKEN_HASH     CHAR(64)     NOT NULL PRIMARY KEY,
    PURPOSE        VARCHAR(32)  NOT NULL,
    USERNAME       VARCHAR(256) NOT NULL,
    ADDRESS        VARCHAR(320) NOT NULL,
    PASSWORD_STAMP CHAR(64)     NOT NULL,
    EXPIRES_AT     BIGINT       NOT NULL,
    PROVED         SMALLINT     NOT NULL DEFAULT 0
);
CREATE INDEX AUTH_EMAIL_LINK_USERNAME ON AUTH_EMAIL_LINK (USERNAME);
CREATE INDEX AUTH_EMAIL_LINK_EXPIRES_AT ON AUTH_EMAIL_LINK (EXPIRES_AT);

-- Mail waiting to go out, written in the transaction of the work it tells of, so that work that
-- rolls back sends nothing. Every instance sends from it; a row is claimed before it is sent.
-- A notice's text is composed when it is queued; a link's message is composed when it is sent,
-- so that its token exists only then, and only as a hash here.
CREATE TABLE AUTH_MAIL_OUTBOX (
    ID              CHAR(22)      NOT NULL PRIMARY KEY,
    KIND            VARCHAR(32)   NOT NULL,
    USERNAME        VARCHAR(256),
    RECIPIENT       VARCHAR(320),
    SUBJECT         VARCHAR(256),
    BODY            VARCHAR(4000),
    QUEUED_AT       BIGINT        NOT NULL,
    ATTEMPTS        INT           NOT NULL DEFAULT 0,
    NEXT_ATTEMPT_AT BIGINT        NOT NULL,
    CLAIMED_UNTIL   BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX AUTH_MAIL_OUTBOX_NEXT ON AUTH_MAIL_OUTBOX (NEXT_ATTEMPT_AT);

-- The browsers an account has signed in from (the SHA-256 of a long-lived cookie), so that a
-- sign-in from one not seen before can be told to its owner.
CREATE TABLE AUTH_KNOWN_DEVICE (
    USERNAME      VARCHAR(256) NOT NULL,
    DEVICE_HASH   CHAR(64)     NOT NULL,
    FIRST_SEEN_AT BIGINT       NOT NULL,
    PRIMARY KEY (USERNAME, DEVICE_HASH)
);

-- A lock of the throttle is told to the account's owner once, at its first refused attempt.
ALTER TABLE AUTH_THROTTLE ADD COLUMN LOCK_NOTICED SMALLINT NOT NULL DEFAULT 0;
