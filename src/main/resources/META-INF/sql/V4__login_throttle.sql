-- Brute-force throttling state, one row per account name, shared by every instance on the
-- database (LoginThrottle). Rows idle for a day are purged by the purge timer.
CREATE TABLE AUTH_THROTTLE (
    NAME                 VARCHAR(256) NOT NULL PRIMARY KEY,
    CONSECUTIVE_FAILURES INT          NOT NULL,
    LOCKED_UNTIL         BIGINT       NOT NULL,
    HOUR_START           BIGINT       NOT NULL,
    FAILURES_THIS_HOUR   INT          NOT NULL,
    LAST_ATTEMPT_AT      BIGINT       NOT NULL
);

CREATE INDEX AUTH_THROTTLE_LAST_ATTEMPT_AT ON AUTH_THROTTLE (LAST_ATTEMPT_AT);
