/**
 * The store's two tables: their JPA entities, the conversion between rows and the SPI's values
 * ({@link org.passkeyee.persistence.schema.Codec}), the sign-in's hand-written SQL, and the
 * check and upgrade of existing tables. Imports nothing of the store's other packages; its public
 * members serve them and are not API.
 */
package org.passkeyee.persistence.schema;
