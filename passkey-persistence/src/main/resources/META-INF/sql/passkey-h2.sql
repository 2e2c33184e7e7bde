-- schema version 5
-- (Version 1 lacked PASSKEY_CREDENTIAL.LAST_CHALLENGE_HASH: passkey-upgrade-1-to-2.sql adds it;
-- version 2 lacked PASSKEY_USER.VOUCHED_BY: passkey-upgrade-2-to-3.sql adds it; version 3 lacked
-- PASSKEY_CREDENTIAL.DISCOVERABLE: passkey-upgrade-3-to-4.sql adds it; version 4 lacked
-- PASSKEY_USER.STORE_SCOPE and had usernames unique in the whole table: passkey-upgrade-4-to-5.sql.
-- The store itself does each at start unless passkey.create-tables=false.)
--
-- Passkeys for Jakarta EE (passkey-persistence): tables for H2 2.x.
-- The same tables that JPA creates from the entities at deployment (EclipseLink 4 and
-- Hibernate 6 alike), for administrators who create the schema themselves.
--
-- Binary values are base64url text without padding. Times are UTC, with microseconds.
-- CREDENTIAL_KEY, the primary key of PASSKEY_CREDENTIAL, is the base64url SHA-256 of the raw
-- credential ID: credential IDs may be 1023 bytes, too long for a unique index on MariaDB/MySQL,
-- so every database uses the fixed-size hash as the key.

CREATE TABLE PASSKEY_USER (
    USER_HANDLE         VARCHAR(86)   NOT NULL,
    USERNAME            VARCHAR(255)  NOT NULL,
    DISPLAY_NAME        VARCHAR(255)  NOT NULL,
    CREATED_AT          TIMESTAMP(6)  NOT NULL,
    VOUCHED_BY          VARCHAR(255),
    STORE_SCOPE         VARCHAR(255),
    PRIMARY KEY (USER_HANDLE),
    CONSTRAINT PASSKEY_USER_SCOPE_USERNAME_UQ UNIQUE (STORE_SCOPE, USERNAME)
);

CREATE TABLE PASSKEY_CREDENTIAL (
    CREDENTIAL_KEY      VARCHAR(43)   NOT NULL,
    CREDENTIAL_ID       VARCHAR(1400) NOT NULL,
    USER_HANDLE         VARCHAR(86)   NOT NULL,
    PUBLIC_KEY_COSE     VARCHAR(4000) NOT NULL,
    SIGNATURE_COUNT     BIGINT        NOT NULL,
    TRANSPORTS          VARCHAR(255),
    AAGUID              VARCHAR(36),
    BACKUP_ELIGIBLE     BOOLEAN       NOT NULL,
    BACKED_UP           BOOLEAN       NOT NULL,
    UV_INITIALIZED      BOOLEAN       NOT NULL,
    ATTESTATION_FORMAT  VARCHAR(32),
    LABEL               VARCHAR(128)  NOT NULL,
    CREATED_AT          TIMESTAMP(6)  NOT NULL,
    LAST_USED_AT        TIMESTAMP(6),
    LAST_CHALLENGE_HASH VARCHAR(43),
    DISCOVERABLE        BOOLEAN,
    PRIMARY KEY (CREDENTIAL_KEY)
);

CREATE INDEX PASSKEY_CREDENTIAL_USER_IDX ON PASSKEY_CREDENTIAL (USER_HANDLE);
