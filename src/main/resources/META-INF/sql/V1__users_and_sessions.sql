-- Accounts: the canonical username is the primary key, so the database decides uniqueness.
CREATE TABLE AUTH_USER (
    USERNAME      VARCHAR(256) NOT NULL PRIMARY KEY,
    PASSWORD_HASH VARCHAR(512) NOT NULL,
    CREATED_AT    BIGINT       NOT NULL
);

-- Sessions: only the SHA-256 of a token is stored, as the primary key (one index lookup per check).
-- Derby backs the foreign key with an index, which logout-all uses.
CREATE TABLE AUTH_SESSION (
    TOKEN_HASH CHAR(64)     NOT NULL PRIMARY KEY,
    USERNAME   VARCHAR(256) NOT NULL CONSTRAINT AUTH_SESSION_USER REFERENCES AUTH_USER (USERNAME),
    CREATED_AT BIGINT       NOT NULL,
    EXPIRES_AT BIGINT       NOT NULL
);

CREATE INDEX AUTH_SESSION_EXPIRES_AT ON AUTH_SESSION (EXPIRES_AT);
