package org.passkeyee.persistence.jpa;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Qualifies the JTA {@link jakarta.persistence.EntityManager} in which the store keeps passkey
 * users and passkeys, produced by {@link StoreEntityManagers} from the store's own persistence
 * unit. Public for the store's top package; not API: the admin chooses the database with the
 * property {@code passkey.datasource}, not by producing this.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface PasskeyPersistenceContext {
}
