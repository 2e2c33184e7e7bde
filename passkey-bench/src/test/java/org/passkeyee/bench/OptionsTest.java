package org.passkeyee.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void scenarioOnlyThenDefaults() {
        Options options = Options.parse(new String[] {"signin"});
        assertEquals(List.of(16), options.clients());
        assertEquals(1000, options.callers());
        assertEquals(Duration.ofSeconds(30), options.duration());
        assertEquals("signin-jdk" + Runtime.version().feature(), options.label());
    }

    @Test
    void warmupWhenComparingThenThreeMinutesElseOne() {
        assertEquals(Duration.ofSeconds(60), Options.parse(new String[] {"signin"}).warmup());
        assertEquals(Duration.ofSeconds(180), Options.parse(new String[] {"compare", "--war-b=b.war"}).warmup());
        assertEquals(Duration.ofSeconds(180), Options.parse(new String[] {"peer"}).warmup());
        assertEquals(Duration.ofSeconds(90), Options.parse(new String[] {"compare", "--war-b=b.war", "--warmup=90"}).warmup());
    }

    @Test
    void clientListAndValuesThenParsed() {
        Options options = Options.parse(new String[] {"postgres", "--clients=1,4,16", "--stored-passkeys=1000000"});
        assertEquals(List.of(1, 4, 16), options.clients());
        assertEquals(List.of(1_000_000), options.storedPasskeys());
    }

    @Test
    void unknownOptionOrScenarioThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"signin", "--colour=red"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"everything"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {}));
    }

    @Test
    void peerRuntimesAndDatabaseThenParsed() {
        Options defaults = Options.parse(new String[] {"peer"});
        assertEquals(List.of(PeerRuntime.PAYARA6, PeerRuntime.PAYARA7, PeerRuntime.WILDFLY), defaults.runtimes());
        assertFalse(defaults.payaraInMemoryDb());

        Options chosen = Options.parse(new String[] {"peer", "--runtimes=wildfly,payara7", "--payara-db=memory"});
        assertEquals(List.of(PeerRuntime.WILDFLY, PeerRuntime.PAYARA7), chosen.runtimes());
        assertTrue(chosen.payaraInMemoryDb());

        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"peer", "--runtimes=tomcat"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[] {"peer", "--payara-db=disk"}));
    }
}
