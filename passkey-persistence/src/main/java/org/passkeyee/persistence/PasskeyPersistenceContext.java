package org.passkeyee.persistence;

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
 * Qualifies the JTA {@link jakarta.persistence.EntityManager} in which
 * {@link JpaPasskeyCredentialStore} keeps passkey users and passkeys.
 *
 * <p>This module produces one from its own persistence unit {@code passkey} (on
 * {@code java:comp/DefaultDataSource}). To keep passkeys in another database, produce an
 * {@code @PasskeyPersistenceContext EntityManager} of your own JTA persistence unit from an
 * {@code @Alternative @Priority(...)} bean; that unit must list
 * {@link PasskeyUserEntity} and {@link PasskeyCredentialEntity}. See the
 * {@linkplain org.passkeyee.persistence package documentation}.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface PasskeyPersistenceContext {
}
