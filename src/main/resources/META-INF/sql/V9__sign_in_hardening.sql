-- A browser's sign-in waiting for its second factor remembers which password it proved: the
-- SHA-256 of the account's password hash at the first step. The second step finishes only if it
-- is still the account's. Pending sign-ins live five minutes; those begun before this version are
-- ended with it, as a restart could end them anyway.
DELETE FROM AUTH_PENDING_SIGN_IN;
ALTER TABLE AUTH_PENDING_SIGN_IN ADD COLUMN PASSWORD_STAMP CHAR(64) NOT NULL DEFAULT '';

-- A password someone else has known (the first administrator's, from the environment) must be
-- changed before anything else: the account says so, and so does each session it opens until then.
ALTER TABLE AUTH_USER ADD COLUMN PASSWORD_CHANGE_DUE SMALLINT NOT NULL DEFAULT 0;
ALTER TABLE AUTH_SESSION ADD COLUMN PASSWORD_CHANGE_DUE SMALLINT NOT NULL DEFAULT 0;
