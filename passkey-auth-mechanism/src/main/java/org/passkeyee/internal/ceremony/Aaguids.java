package org.passkeyee.internal.ceremony;

import com.yubico.webauthn.data.ByteArray;
import java.nio.ByteBuffer;
import java.util.UUID;

/** AAGUIDs as the lowercase dashed text the names table and the API use. */
final class Aaguids {

    private Aaguids() {
    }

    /** The AAGUID as text, or {@code null} when it is absent or not 16 bytes. */
    static String format(ByteArray aaguid) {
        if (aaguid == null || aaguid.size() != 16) {
            return null;
        }
        ByteBuffer bytes = ByteBuffer.wrap(aaguid.getBytes());
        return new UUID(bytes.getLong(), bytes.getLong()).toString();
    }
}
