package org.passkeyee.internal.ceremony.pending;

import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionBindingListener;
import java.io.Serial;
import java.io.Serializable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

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

    private static final Logger LOG = Logger.getLogger(AnonymousCeremonyBudget.class.getName());
    private static final long WARNING_INTERVAL_NANOS = 60_000_000_000L;

    private final int limit;
    private final AtomicInteger held = new AtomicInteger();
    private final AtomicLong lastWarning = new AtomicLong(System.nanoTime() - WARNING_INTERVAL_NANOS);

    AnonymousCeremonyBudget(int limit) {
        this.limit = limit;
    }

    /**
     * One place in the budget.
     *
     * @throws Refusal {@code too_many_ceremonies} when the budget is spent
     */
    Ticket take() {
        int now;
        do {
            now = held.get();
            if (now >= limit) {
                warnAtMostOncePerMinute();
                throw Refusal.tooManyCeremonies();
            }
        } while (!held.compareAndSet(now, now + 1));
        return new Ticket(this);
    }

    /** Places taken and not yet handed back. */
    int held() {
        return held.get();
    }

    private void warnAtMostOncePerMinute() {
        long last = lastWarning.get();
        long now = System.nanoTime();
        if (now - last >= WARNING_INTERVAL_NANOS && lastWarning.compareAndSet(last, now)) {
            LOG.warning(() -> "Passkey: " + limit + " anonymous ceremonies are pending; new ones are refused with 429 "
                    + "until some expire (passkey.max-anonymous-ceremonies). A flood of options requests?");
        }
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
