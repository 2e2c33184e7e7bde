-- schema version 5
-- (Version 1 lacked PASSKEY_CREDENTIAL.LAST_CHALLENGE_HASH: passkey-upgrade-1-to-2.sql adds it;
-- version 2 lacked PASSKEY_USER.VOUCHED_BY: passkey-upgrade-2-to-3.sql adds it; version 3 lacked
-- PASSKEY_CREDENTIAL.DISCOVERABLE: passkey-upgrade-3-to-4.sql adds it; version 4 lacked
-- PASSKEY_USER.STORE_SCOPE and had usernames unique in the whole table: passkey-upgrade-4-to-5.sql.
-- The store itself does each at start unless passkey.create-tables=false.)
--
-- Passkeys for Jakarta EE (passkey-persistence): tables for MariaDB 10.6+ and MySQL 8.
-- The same columns that JPA creates from the entities at deployment (EclipseLink 4 and
-- Hibernate 6 alike), with two deliberate additions, so on MariaDB/MySQL prefer this script:
--   * base64url columns are CHARACTER SET ascii COLLATE ascii_bin: base64url is case-sensitive,
--     and the server's default collation (utf8mb4_general_ci and the like) is not.
--   * USERNAME is utf8mb4_bin, so usernames match exactly, as on H2 and PostgreSQL.
-- Generated tables inherit the server's default collation instead. Booleans are TINYINT(1)
-- (EclipseLink's choice; Hibernate generates BIT but reads and writes TINYINT(1) as well).
--
-- Binary values are base64url text without padding. Times are UTC, with microseconds.
-- CREDENTIAL_KEY, the primary key of PASSKEY_CREDENTIAL, is the base64url SHA-256 of the raw
-- credential ID: credential IDs may be 1023 bytes, too long for a unique InnoDB index
-- (at most 3072 bytes), so the fixed-size hash is the key.
--
-- Keep the driver's default of reporting matched ("found") rows for UPDATE (MariaDB
-- Connector/J and MySQL Connector/J: useAffectedRows=false): with affected rows, renaming a
-- passkey to its current label would report "not found".

CREATE TABLE PASSKEY_USER (
    USER_HANDLE         VARCHAR(86)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    USERNAME            VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    DISPLAY_NAME        VARCHAR(255)  NOT NULL,
    CREATED_AT          DATETIME(6)   NOT NULL,
    VOUCHED_BY          VARCHAR(255),
    STORE_SCOPE         VARCHAR(255)  CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
    PRIMARY KEY (USER_HANDLE),
    CONSTRAINT PASSKEY_USER_SCOPE_USERNAME_UQ UNIQUE (STORE_SCOPE, USERNAME)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE PASSKEY_CREDENTIAL (
    CREDENTIAL_KEY      VARCHAR(43)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    CREDENTIAL_ID       VARCHAR(1400) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    USER_HANDLE         VARCHAR(86)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PUBLIC_KEY_COSE     VARCHAR(4000) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    SIGNATURE_COUNT     BIGINT        NOT NULL,
    TRANSPORTS          VARCHAR(255),
    AAGUID              VARCHAR(36),
    BACKUP_ELIGIBLE     TINYINT(1)    NOT NULL,
    BACKED_UP           TINYINT(1)    NOT NULL,
    UV_INITIALIZED      TINYINT(1)    NOT NULL,
    ATTESTATION_FORMAT  VARCHAR(32),
    LABEL               VARCHAR(128)  NOT NULL,
    CREATED_AT          DATETIME(6)   NOT NULL,
    LAST_USED_AT        DATETIME(6),
    LAST_CHALLENGE_HASH VARCHAR(43),
    DISCOVERABLE        TINYINT(1),
    PRIMARY KEY (CREDENTIAL_KEY)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE INDEX PASSKEY_CREDENTIAL_USER_IDX ON PASSKEY_CREDENTIAL (USER_HANDLE);
