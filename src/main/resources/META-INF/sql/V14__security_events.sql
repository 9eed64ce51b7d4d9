-- The security events of every instance, for the admin console's view of the last days
-- (SecurityEventStore): who did what to which account, from where. Bounded and purged by age and
-- count (auth.audit.retention, auth.audit.max-events); the log line of each event stays the
-- complete record.
CREATE TABLE AUTH_SECURITY_EVENT (
    ID          CHAR(22)     NOT NULL PRIMARY KEY,
    OCCURRED_AT BIGINT       NOT NULL,
    KIND        VARCHAR(64)  NOT NULL,
    USERNAME    VARCHAR(256),
    TARGET      VARCHAR(512),
    REASON      VARCHAR(256),
    ADDRESS     VARCHAR(64),
    USER_AGENT  VARCHAR(256),
    SESSIONS    INT          NOT NULL
);

CREATE INDEX AUTH_SECURITY_EVENT_OCCURRED_AT ON AUTH_SECURITY_EVENT (OCCURRED_AT);
CREATE INDEX AUTH_SECURITY_EVENT_USERNAME ON AUTH_SECURITY_EVENT (USERNAME);
CREATE INDEX AUTH_SECURITY_EVENT_TARGET ON AUTH_SECURITY_EVENT (TARGET);
