-- Passkeys for Jakarta EE (passkey-persistence): schema version 1 to 2, for H2, PostgreSQL and
-- MariaDB/MySQL alike. The store runs this itself at start when the column is missing, unless
-- passkey.create-tables=false; then run it as a database user allowed to change the table.
--
-- LAST_CHALLENGE_HASH: the base64url SHA-256 of the challenge the passkey's last sign-in
-- answered. Servers sharing the database refuse a second sign-in with the same answer.

ALTER TABLE PASSKEY_CREDENTIAL ADD LAST_CHALLENGE_HASH VARCHAR(43);
