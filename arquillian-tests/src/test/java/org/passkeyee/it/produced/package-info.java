/**
 * TEST-ONLY: a shop whose staff directory and customer store are made by two producer methods of
 * one configuration class, as many existing applications make theirs: both stores are instances
 * of one class, and both know a {@code jdoe}, two people. Deployed by
 * {@link org.passkeyee.it.ProducedStoresIT}.
 */
package org.passkeyee.it.produced;
