package org.passkeyee.internal.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.passkeyee.PasskeyStoreException;

class LogTextTest {

    @Test
    void storeFailureThenOneLineWithTheRootCause() {
        SQLException database = new SQLException("Connection could not be allocated\nbecause: The connection attempt failed.");
        PasskeyStoreException failure = new PasskeyStoreException("Could not find a passkey: the passkey store failed",
                new IllegalStateException("wrapped", database));

        assertEquals("Could not find a passkey: the passkey store failed (cause: SQLException: Connection could not be "
                + "allocated because: The connection attempt failed.)", LogText.storeFailure(failure));
    }

    @Test
    void storeFailureWithoutCauseThenItsMessage() {
        assertEquals("the store failed", LogText.storeFailure(new PasskeyStoreException("the store failed", null)));
    }

    @Test
    void shortIdThenFirstEightCharacters() {
        assertEquals("abcdefgh…", LogText.shortId("abcdefghijklmnop"));
        assertEquals("-", LogText.shortId(null));
    }

    @Test
    void shortIdWhenRequestSentLineBreaksOrOtherCharactersThenShownAsQuestionMarks() {
        assertEquals("ab??INFO…", LogText.shortId("ab\r\nINFO: forged line"));
        assertEquals("a?b", LogText.shortId("a\u202eb"));
    }
}
