package org.passkeyee.internal;

import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.passkeyee.PasskeyErrorCode;

/**
 * Caps how many sessions exist only to hold an anonymous ceremony, so that a flood of options
 * requests cannot fill the heap: beyond the cap new anonymous ceremonies are refused with
 * {@code 429 too_many_ceremonies} until older ones expire or sign in.
 *
 * <p>Each such session holds a {@link Ticket}; the session's container hands the ticket back
 * when the session ends or the attribute is removed (at sign-in). A ticket that reached another
 * server by session replication belongs to no budget there and hands nothing back.
 */
final class AnonymousCeremonyBudget {

    private final int limit;
    private final AtomicInteger held = new AtomicInteger();

    AnonymousCeremonyBudget(int limit) {
        this.limit = limit;
    }

    /**
     * One place in the budget.
     *
     * @throws CeremonyException {@code too_many_ceremonies} when the budget is spent
     */
    Ticket take() {
        int now;
        do {
            now = held.get();
            if (now >= limit) {
                throw new CeremonyException(PasskeyErrorCode.TOO_MANY_CEREMONIES);
            }
        } while (!held.compareAndSet(now, now + 1));
        return new Ticket(this);
    }

    /** Places taken and not yet handed back. */
    int held() {
        return held.get();
    }

    /** A place in the budget, kept as a session attribute; handed back when unbound. */
    static final class Ticket implements HttpSessionBindingListener, Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        private final transient AnonymousCeremonyBudget budget;
        private final transient AtomicBoolean handedBack = new AtomicBoolean();

        private Ticket(AnonymousCeremonyBudget budget) {
            this.budget = budget;
        }

        /** Gives the place back; only the first call counts. */
        void handBack() {
            if (budget != null && handedBack != null && handedBack.compareAndSet(false, true)) {
                budget.held.decrementAndGet();
            }
        }

        @Override
        public void valueUnbound(HttpSessionBindingEvent event) {
            handBack();
        }
    }
}
