package org.passkeyee.internal.ceremony;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

/**
 * TEST-ONLY: breaks a sealed ceremony state (a cookie value, base64url) the ways a browser, a proxy
 * or an attacker could: one to three of flipping bits or bytes, cutting, extending, repeating,
 * swapping halves, re-encoding with padding or the other alphabet, and plain junk. Sometimes
 * nothing, so the unchanged state is tried too. Each mutation is named in {@code applied}.
 */
final class SealedStateMutator {

    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=.% ";

    private SealedStateMutator() {
    }

    static String mutate(String sealed, Random random, List<String> applied) {
        if (random.nextInt(20) == 0) {
            applied.add("none");
            return sealed;
        }
        String value = sealed;
        int count = 1 + random.nextInt(3);
        for (int i = 0; i < count; i++) {
            value = once(value, random, applied);
        }
        return value;
    }

    private static String once(String value, Random random, List<String> applied) {
        byte[] bytes = decode(value);
        switch (random.nextInt(9)) {
            case 0 -> {
                if (bytes.length == 0) {
                    applied.add("empty stays empty");
                    return value;
                }
                int at = random.nextInt(bytes.length);
                int bit = 1 << random.nextInt(8);
                bytes[at] ^= (byte) bit;
                applied.add("flip bit " + Integer.numberOfTrailingZeros(bit) + " of byte " + at);
                return encode(bytes);
            }
            case 1 -> {
                if (bytes.length == 0) {
                    applied.add("empty stays empty");
                    return value;
                }
                int at = random.nextInt(bytes.length);
                bytes[at] = (byte) random.nextInt(256);
                applied.add("replace byte " + at);
                return encode(bytes);
            }
            case 2 -> {
                int length = value.isEmpty() ? 0 : random.nextInt(value.length());
                applied.add("cut to " + length + " characters");
                return value.substring(0, length);
            }
            case 3 -> {
                byte[] extra = new byte[1 + random.nextInt(40)];
                random.nextBytes(extra);
                byte[] longer = Arrays.copyOf(bytes, bytes.length + extra.length);
                System.arraycopy(extra, 0, longer, bytes.length, extra.length);
                applied.add("append " + extra.length + " bytes");
                return encode(longer);
            }
            case 4 -> {
                applied.add("repeat");
                return value + value;
            }
            case 5 -> {
                int half = bytes.length / 2;
                byte[] swapped = new byte[bytes.length];
                System.arraycopy(bytes, half, swapped, 0, bytes.length - half);
                System.arraycopy(bytes, 0, swapped, bytes.length - half, half);
                applied.add("swap halves");
                return encode(swapped);
            }
            case 6 -> {
                applied.add("standard alphabet with padding");
                return Base64.getEncoder().encodeToString(bytes) + (random.nextBoolean() ? "" : "==");
            }
            case 7 -> {
                StringBuilder junk = new StringBuilder();
                int length = random.nextInt(random.nextBoolean() ? 64 : 12_000);
                for (int i = 0; i < length; i++) {
                    junk.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                }
                applied.add("junk of " + length + " characters");
                return junk.toString();
            }
            default -> {
                byte[] random32 = new byte[bytes.length];
                random.nextBytes(random32);
                if (random32.length > 0) {
                    random32[0] = bytes.length > 0 ? bytes[0] : 1;
                }
                applied.add("random bytes of the same length and version");
                return encode(random32);
            }
        }
    }

    private static byte[] decode(String value) {
        try {
            return Base64.getUrlDecoder().decode(value);
        } catch (IllegalArgumentException notBase64) {
            return value.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
