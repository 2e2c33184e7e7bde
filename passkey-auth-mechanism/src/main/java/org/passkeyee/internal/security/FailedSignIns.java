package org.passkeyee.internal.security;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.passkeyee.PasskeyConfiguration;

/**
 * Counts failed sign-ins per credential ID and per username (the name a username-first sign-in
 * asked for, known or not, so that throttling tells nothing about which names exist). A failure
 * is a refused answer to a pending ceremony that the passkey's key did not sign: a guess. Posts
 * without a ceremony (replays, forgeries) and refusals after the signature verified (a counter
 * gone backwards) are not counted: they guess nothing, and must not push the owner into 429s. After
 * {@code passkey.failed-sign-ins-before-throttling} failures within {@link #WINDOW} of each other,
 * each further failure is answered 429 with a wait that doubles, from 1 second up to
 * {@link #LONGEST_WAIT}.
 *
 * <p>Only failures are throttled, never the verification: a sign-in is always verified, and a
 * valid one signs in and clears the counts. So someone who hammers a person's passkey or name
 * (credential IDs are not secret) cannot lock the owner out; what they get is 429s, and the
 * application gets a {@code PasskeySignInThrottled} event. Addresses are not counted: behind a
 * proxy only the proxy knows them.
 *
 * <p>At most {@link #MAX_TRACKED} names and IDs are tracked, so that random IDs cannot fill the
 * heap. A count is forgotten only when its window has passed, never to make room: were the least
 * recently failed forgotten first, failures with 10,000 random IDs would wipe the count of the
 * passkey or name being hammered. When the table is full of counts still in their window (a flood
 * of failures), every failure for an ID or name not yet counted is answered 429 with
 * {@link #FLOOD_WAIT}, the same for a known and an unknown name; valid sign-ins still sign in.
 * Counts are per server (see the admin guide for a cluster).
 */
@Singleton
public class FailedSignIns {

    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    static final int MAX_TRACKED = 10_000;
    static final Duration FLOOD_WAIT = Duration.ofSeconds(60);

    private final int allowedFailures;
    private final Clock clock;
    /** In the order of their last failure, the least recent first. */
    private final Map<String, Failures> failures = new LinkedHashMap<>(256, 0.75f, true);

    @Inject
    FailedSignIns(PasskeyConfiguration configuration) {
        this(configuration.failedSignInsBeforeThrottling(), Clock.systemUTC());
    }

    FailedSignIns(int allowedFailures, Clock clock) {
        this.allowedFailures = allowedFailures;
        this.clock = clock;
    }

    /**
     * Counts a failed sign-in for the credential ID and the username, either of which may be
     * {@code null}.
     *
     * @return the throttling of each of them for which this failure is beyond the allowed number
     *         (none, one or both)
     */
    synchronized List<Throttling> failed(String credentialId, String username) {
        Instant now = clock.instant();
        List<Throttling> throttled = new ArrayList<>(2);
        if (credentialId != null) {
            count("c:" + credentialId, now).ifPresent(t -> throttled.add(t.of(credentialId, null)));
        }
        if (username != null) {
            count("u:" + username, now).ifPresent(t -> throttled.add(t.of(null, username)));
        }
        return throttled;
    }

    /**
     * How long a password sign-in for this username must still wait, when its failures are beyond
     * the allowed number and the last one was less than that wait ago: checked before the
     * password reaches a store, so that throttling stops guesses instead of only answering them.
     */
    synchronized Optional<Duration> waitBeforeTrying(String username) {
        Failures counted = failures.get("u:" + username);
        if (counted == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        int beyond = counted.count - allowedFailures;
        if (beyond <= 0 || !now.isBefore(counted.last.plus(WINDOW))) {
            return Optional.empty();
        }
        Duration wait = waitAfter(beyond);
        Duration left = Duration.between(now, counted.last.plus(wait));
        return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
    }

    /** A sign-in succeeded: the credential ID and username start again from zero. */
    synchronized void succeeded(String credentialId, String username) {
        if (!failures.isEmpty()) {
            failures.remove("c:" + credentialId);
            failures.remove("u:" + username);
        }
    }

    private Optional<Throttling> count(String key, Instant now) {
        Failures counted = failures.get(key);
        if (counted == null && !roomFor(now)) {
            return Optional.of(new Throttling(null, null, 1, FLOOD_WAIT, false));
        }
        if (counted == null || !now.isBefore(counted.last.plus(WINDOW))) {
            counted = new Failures();
            failures.put(key, counted);
        }
        counted.count++;
        counted.last = now;
        int beyond = counted.count - allowedFailures;
        if (beyond <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Throttling(null, null, counted.count, waitAfter(beyond), beyond == 1));
    }

    /** The wait after the {@code beyond}-th failure beyond the allowed number: doubling from 1 s, at most {@link #LONGEST_WAIT}. */
    private static Duration waitAfter(int beyond) {
        Duration doubling = beyond > 20 ? LONGEST_WAIT : Duration.ofSeconds(1L << (beyond - 1));
        return doubling.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : doubling;
    }

    /** Whether a new count fits, after forgetting the counts whose window has passed (the least recent come first). */
    private boolean roomFor(Instant now) {
        Iterator<Failures> oldestFirst = failures.values().iterator();
        while (failures.size() >= MAX_TRACKED && oldestFirst.hasNext() && !now.isBefore(oldestFirst.next().last.plus(WINDOW))) {
            oldestFirst.remove();
        }
        return failures.size() < MAX_TRACKED;
    }

    /**
     * A failure beyond the allowed number.
     *
     * @param credentialId the credential ID throttled, or {@code null}
     * @param username     the username throttled, or {@code null}
     * @param failures     failures counted for it
     * @param retryAfter   how long the client is asked to wait
     * @param started      whether this failure started the throttling (the first beyond the allowed number)
     */
    record Throttling(String credentialId, String username, int failures, Duration retryAfter, boolean started) {

        private Throttling of(String credentialId, String username) {
            return new Throttling(credentialId, username, failures, retryAfter, started);
        }
    }

    private static final class Failures {
        private int count;
        private Instant last;
    }
}
