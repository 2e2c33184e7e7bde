/**
 * Opens the store: builds its persistence unit in code with the server's JPA provider on the
 * admin's datasource, and hands the store one entity manager per JTA transaction and the same
 * datasource's connections. Depends on {@code config} and {@code schema}; its public members
 * serve the top package and are not API.
 */
package org.passkeyee.persistence.jpa;
