-- Passkeys for Jakarta EE (passkey-persistence): schema version 2 to 3, for H2, PostgreSQL and
-- MariaDB/MySQL alike. The store runs this itself at start when the column is missing, unless
-- passkey.create-tables=false; then run it as a database user allowed to change the table.
--
-- VOUCHED_BY: the key of the application's identity store that vouched for the account's name
-- when it got its first passkey ('none' for sign-ups); a passkey sign-in gets that store's
-- groups only. Accounts of version 2 keep NULL: they count as vouched for by the application's
-- only validating identity store if it has exactly one, otherwise by none (see the README's
-- upgrade notes for setting it, e.g.
-- UPDATE PASSKEY_USER SET VOUCHED_BY = 'org.glassfish.soteria.identitystores.DatabaseIdentityStore'
--   WHERE VOUCHED_BY IS NULL;).

ALTER TABLE PASSKEY_USER ADD VOUCHED_BY VARCHAR(255);
