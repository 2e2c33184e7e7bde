package org.passkeyee.persistence.jpa;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.TransactionRequiredException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * An {@link EntityManager} that stands for the current JTA transaction's own, as the one a
 * container injects for {@code @PersistenceContext}: the first call in a transaction creates an
 * entity manager of the store's factory and joins it to the transaction, later calls in the same
 * transaction reuse it, and it is closed when the transaction ends. Calls outside a transaction
 * are refused ({@link TransactionRequiredException}); every store method runs in one.
 */
final class TransactionEntityManager implements InvocationHandler {

    private final Supplier<EntityManagerFactory> factory;
    private final TransactionSynchronizationRegistry transactions;
    /** This instance's key among the transaction's resources. */
    private final Object key = new Object();

    private TransactionEntityManager(Supplier<EntityManagerFactory> factory, TransactionSynchronizationRegistry transactions) {
        this.factory = factory;
        this.transactions = transactions;
    }

    /** The entity manager of whatever transaction is current when it is called. */
    static EntityManager of(Supplier<EntityManagerFactory> factory, TransactionSynchronizationRegistry transactions) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, new TransactionEntityManager(factory, transactions));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getDeclaringClass() == Object.class) {
            return switch (method.getName()) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "EntityManager of the current transaction (passkey store)";
            };
        }
        try {
            return method.invoke(current(), args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private EntityManager current() {
        EntityManager em = (EntityManager) transactions.getResource(key);
        if (em != null) {
            return em;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new TransactionRequiredException("The passkey store works only in an active JTA transaction");
        }
        EntityManager created = factory.get().createEntityManager();
        created.joinTransaction();
        transactions.putResource(key, created);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                created.close();
            }
        });
        return created;
    }
}
