-- Passkeys for Jakarta EE (passkey-persistence): schema version 3 to 4, for H2, PostgreSQL and
-- MariaDB/MySQL alike. The store runs this itself at start when the column is missing, unless
-- passkey.create-tables=false; then run it as a database user allowed to change the table.
--
-- DISCOVERABLE: whether the authenticator stored the passkey as a discoverable credential (it
-- signs in without a username), as the browser said at registration (WebAuthn's credProps).
-- Passkeys of version 3 keep NULL: not known.

ALTER TABLE PASSKEY_CREDENTIAL ADD DISCOVERABLE BOOLEAN;
