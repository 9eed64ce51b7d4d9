-- Idle deadline of a session, never later than its absolute deadline (EXPIRES_AT), so a session is
-- live exactly while IDLE_EXPIRES_AT is in the future: one index serves checks' purge and count.
ALTER TABLE AUTH_SESSION ADD COLUMN IDLE_EXPIRES_AT BIGINT NOT NULL DEFAULT 0;

UPDATE AUTH_SESSION SET IDLE_EXPIRES_AT = EXPIRES_AT;

CREATE INDEX AUTH_SESSION_IDLE_EXPIRES_AT ON AUTH_SESSION (IDLE_EXPIRES_AT);
