-- Administration: disabled accounts, each account's last login, groups, whether a session was
-- opened with a second factor, and one row whose lock serialises every change that could leave
-- the service without an enabled administrator (the first administrator's creation included).
-- A session also carries its user's groups (comma-joined), written at login and again whenever
-- they change, so that the token check stays one read by primary key.
ALTER TABLE AUTH_USER ADD COLUMN DISABLED SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE AUTH_USER ADD COLUMN LAST_LOGIN_AT BIGINT;
ALTER TABLE AUTH_SESSION ADD COLUMN SECOND_FACTOR SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE AUTH_SESSION ADD COLUMN GROUP_NAMES VARCHAR(4096) NOT NULL DEFAULT '';

CREATE TABLE AUTH_USER_GROUP (
    USERNAME   VARCHAR(256) NOT NULL CONSTRAINT AUTH_USER_GROUP_USER
                            REFERENCES AUTH_USER (USERNAME) ON DELETE CASCADE,
    GROUP_NAME VARCHAR(64)  NOT NULL,
    PRIMARY KEY (USERNAME, GROUP_NAME)
);

CREATE INDEX AUTH_USER_GROUP_NAME ON AUTH_USER_GROUP (GROUP_NAME);

CREATE TABLE AUTH_ADMIN_LOCK (
    ID SMALLINT NOT NULL PRIMARY KEY
);

INSERT INTO AUTH_ADMIN_LOCK (ID) VALUES (1);
