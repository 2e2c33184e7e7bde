-- Passkeys for Jakarta EE (passkey-persistence): schema version 2 to 3, for H2, PostgreSQL and
-- MariaDB/MySQL alike. The store runs this itself at start when the column is missing, unless
-- passkey.create-tables=false; then run it as a database user allowed to change the table.
--
-- VOUCHED_BY: the key of the application's identity store that vouched for the account's name
-- when it got its first passkey ('none' for sign-ups); a passkey sign-in gets that store's
-- groups only. Accounts of version 2 keep NULL: they are vouched for by no store (a sign-up of
-- then looks the same) until an administrator assigns them, row by row, only where exactly one
-- store knows the name (see the README's upgrade notes), e.g.
-- UPDATE PASSKEY_USER SET VOUCHED_BY = '<store key>'
--   WHERE USER_HANDLE = '<user handle>' AND VOUCHED_BY IS NULL AND STORE_SCOPE = '<store scope>';

ALTER TABLE PASSKEY_USER ADD VOUCHED_BY VARCHAR(255);
