package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.yubico.internal.util.JacksonCodecs;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads one CBOR item strictly, as the checks of a new credential need it: no duplicate map keys
 * and nothing after the item, both of which Yubico's readers let through (the last duplicate
 * wins, trailing bytes are ignored). Integer map keys read as their decimal names ({@code "3"},
 * {@code "-1"}), so an integer key and the text key of the same name count as duplicates. One
 * mapper, built once: Yubico's {@code JacksonCodecs.cbor()} is a new mapper on every call.
 */
final class StrictCbor {

    private static final ObjectMapper CBOR = JacksonCodecs.cbor()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private StrictCbor() {
    }

    /** The item {@code bytes} hold, or empty when they hold anything else than exactly one well-formed item. */
    static Optional<JsonNode> read(byte[] bytes) {
        try {
            return Optional.ofNullable(CBOR.readTree(bytes)).filter(node -> !node.isMissingNode());
        } catch (IOException | RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /**
     * Where the CBOR map that starts at {@code start} in {@code bytes} ends (the index after it), or
     * -1 when no well-formed map without duplicate keys starts there.
     */
    static int mapEnd(byte[] bytes, int start) {
        if (start < 0 || start >= bytes.length) {
            return -1;
        }
        try (JsonParser parser = CBOR.createParser(Arrays.copyOfRange(bytes, start, bytes.length))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return -1;
            }
            parser.skipChildren();
            return start + Math.toIntExact(parser.currentLocation().getByteOffset());
        } catch (IOException | RuntimeException malformed) {
            return -1;
        }
    }
}
