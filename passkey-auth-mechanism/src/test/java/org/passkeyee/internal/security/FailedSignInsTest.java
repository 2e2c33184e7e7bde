package org.passkeyee.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailedSignInsTest {

    private Instant now = Instant.parse("2026-12-01T08:00:00Z");
    private final FailedSignIns failedSignIns = new FailedSignIns(5, new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void failedWhenWithinTheAllowedNumberThenNotThrottledThenAWaitThatDoublesUpTo15Minutes() {
        for (int i = 1; i <= 5; i++) {
            assertEquals(List.of(), failedSignIns.failed("cred", null));
        }
        List<FailedSignIns.Throttling> sixth = failedSignIns.failed("cred", null);
        List<FailedSignIns.Throttling> seventh = failedSignIns.failed("cred", null);

        assertEquals(1, sixth.size());
        assertEquals(Duration.ofSeconds(1), sixth.get(0).retryAfter());
        assertTrue(sixth.get(0).started(), "the first failure beyond the allowed number starts the throttling");
        assertEquals("cred", sixth.get(0).credentialId());
        assertEquals(Duration.ofSeconds(2), seventh.get(0).retryAfter());
        assertFalse(seventh.get(0).started(), "an event once, not for every failure");
        Duration last = null;
        for (int i = 0; i < 40; i++) {
            last = failedSignIns.failed("cred", null).get(0).retryAfter();
        }
        assertEquals(FailedSignIns.LONGEST_WAIT, last);
    }

    @Test
    void waitBeforeTryingWhenANamesFailuresAreBeyondTheAllowedNumberThenUntilItsWaitHasPassed() {
        for (int i = 1; i <= 5; i++) {
            failedSignIns.failed(null, "alice");
            assertEquals(java.util.Optional.empty(), failedSignIns.waitBeforeTrying("alice"), "within the allowed number");
        }
        failedSignIns.failed(null, "alice");
        failedSignIns.failed(null, "alice");

        assertEquals(java.util.Optional.of(Duration.ofSeconds(2)), failedSignIns.waitBeforeTrying("alice"));
        assertEquals(java.util.Optional.empty(), failedSignIns.waitBeforeTrying("bob"));
        now = now.plusSeconds(1);
        assertEquals(java.util.Optional.of(Duration.ofSeconds(1)), failedSignIns.waitBeforeTrying("alice"));
        now = now.plusSeconds(1);
        assertEquals(java.util.Optional.empty(), failedSignIns.waitBeforeTrying("alice"), "the wait has passed");
        failedSignIns.succeeded(null, "alice");
        failedSignIns.failed(null, "alice");
        assertEquals(java.util.Optional.empty(), failedSignIns.waitBeforeTrying("alice"), "a success starts again");
    }

    @Test
    void failedWhenCredentialAndUsernameThenEachCountedAndBothReported() {
        for (int i = 1; i <= 5; i++) {
            failedSignIns.failed("cred-" + i, "alice");
        }
        failedSignIns.failed("cred-x", null);

        List<FailedSignIns.Throttling> throttled = failedSignIns.failed("cred-x", "alice");

        assertEquals(1, throttled.size(), "alice has failed 6 times, cred-x twice");
        assertEquals("alice", throttled.get(0).username());
    }

    @Test
    void succeededThenBothCountsStartAgain() {
        for (int i = 1; i <= 5; i++) {
            failedSignIns.failed("cred", "alice");
        }
        failedSignIns.succeeded("cred", "alice");

        assertEquals(List.of(), failedSignIns.failed("cred", "alice"));
    }

    @Test
    void failedWhenTheLastFailureIsOlderThanTheWindowThenCountedFromZero() {
        for (int i = 1; i <= 5; i++) {
            failedSignIns.failed("cred", null);
        }
        now = now.plus(FailedSignIns.WINDOW);

        assertEquals(List.of(), failedSignIns.failed("cred", null));
    }

    @Test
    void failedWhenManyRandomIdsThenTheHammeredPasskeysCountIsNotFlushedAndNewOnesAreThrottledUntilTheWindowPasses() {
        for (int i = 1; i <= 5; i++) {
            failedSignIns.failed("target", null);
        }
        for (int i = 0; i < FailedSignIns.MAX_TRACKED; i++) {
            failedSignIns.failed("random-" + i, null);
        }

        List<FailedSignIns.Throttling> target = failedSignIns.failed("target", null);
        List<FailedSignIns.Throttling> untracked = failedSignIns.failed("another-random", "some-name");
        assertEquals(1, target.size(), "still counted: the sixth failure is throttled");
        assertEquals(6, target.get(0).failures());
        assertEquals(List.of(FailedSignIns.FLOOD_WAIT, FailedSignIns.FLOOD_WAIT),
                untracked.stream().map(FailedSignIns.Throttling::retryAfter).toList(), "a full table throttles what it cannot count");

        now = now.plus(FailedSignIns.WINDOW);
        assertEquals(List.of(), failedSignIns.failed("after-the-flood", null), "counts whose window passed make room");
    }
}
