-- Passkeys for Jakarta EE (passkey-persistence): schema version 4 to 5, for H2, PostgreSQL and
-- MariaDB/MySQL (MariaDB 10.5 or MySQL 8.0.19 and newer) alike. The store runs this itself at
-- start when the column is missing, unless passkey.create-tables=false; then run it as a
-- database user allowed to change the table.
--
-- STORE_SCOPE: the application (or group of applications) an account belongs to. A store sees,
-- signs in with, lists and deletes the accounts of its own scope only, and usernames are unique
-- per scope, so that applications sharing one datasource (a server's default datasource) never
-- share accounts. An application's scope is passkey.store-scope, by default its relying party ID
-- and context path, e.g. example.com/shop (example.com/ at the root): the store logs it at start.
--
-- Accounts of version 4 have no scope. Run as the store does, the UPDATE gives them all to one
-- application: replace <store scope> with its scope as a quoted string, e.g. 'example.com/shop'
-- (the statement does not run until you do). Where several applications shared the tables
-- before, each account was usable in all of them; to give each application its own, set the
-- scope per account before this UPDATE, e.g.
-- UPDATE PASSKEY_USER SET STORE_SCOPE = 'example.com/backoffice' WHERE USERNAME IN ('ops1', 'ops2');
-- and accounts left with NULL belong to no application (nobody can sign in with them).

ALTER TABLE PASSKEY_USER ADD STORE_SCOPE VARCHAR(255);
UPDATE PASSKEY_USER SET STORE_SCOPE = <store scope> WHERE STORE_SCOPE IS NULL;
ALTER TABLE PASSKEY_USER DROP CONSTRAINT PASSKEY_USER_USERNAME_UQ;
ALTER TABLE PASSKEY_USER ADD CONSTRAINT PASSKEY_USER_SCOPE_USERNAME_UQ UNIQUE (STORE_SCOPE, USERNAME);
