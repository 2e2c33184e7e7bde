package org.passkeyee.internal.ceremony;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A strict reader of DER's tag-length-value elements, enough to walk the Android key attestation
 * extension: tag numbers of any size (the extension's {@code [702]} needs two bytes), definite
 * lengths of up to four bytes. Anything else is an {@link IllegalArgumentException}.
 */
final class Der {

    static final int UNIVERSAL = 0;
    static final int CONTEXT = 2;
    static final int INTEGER = 2;
    static final int OCTET_STRING = 4;
    static final int SEQUENCE = 16;
    static final int SET = 17;

    /** One element: its class ({@link #UNIVERSAL}, {@link #CONTEXT}, ...), tag number and content. */
    record Element(int tagClass, int tagNumber, byte[] content) {

        boolean is(int expectedClass, int expectedNumber) {
            return tagClass == expectedClass && tagNumber == expectedNumber;
        }

        /** The elements this one's content holds. */
        List<Element> children() {
            return elements(content);
        }
    }

    private Der() {
    }

    /** The one element {@code der} is, with nothing after it. */
    static Element element(byte[] der) {
        List<Element> all = elements(der);
        if (all.size() != 1) {
            throw new IllegalArgumentException("not one DER element");
        }
        return all.get(0);
    }

    /** The elements that fill {@code der} exactly. */
    static List<Element> elements(byte[] der) {
        List<Element> elements = new ArrayList<>();
        int at = 0;
        while (at < der.length) {
            int first = der[at++] & 0xff;
            int tagNumber = first & 0x1f;
            if (tagNumber == 0x1f) {
                tagNumber = 0;
                int b;
                do {
                    if (at >= der.length || tagNumber > (1 << 20)) {
                        throw new IllegalArgumentException("bad DER tag");
                    }
                    b = der[at++] & 0xff;
                    tagNumber = (tagNumber << 7) | (b & 0x7f);
                } while ((b & 0x80) != 0);
            }
            if (at >= der.length) {
                throw new IllegalArgumentException("DER length missing");
            }
            int length = der[at++] & 0xff;
            if (length > 0x7f) {
                int bytes = length & 0x7f;
                if (bytes == 0 || bytes > 4 || at + bytes > der.length) {
                    throw new IllegalArgumentException("bad DER length");
                }
                long value = 0;
                for (int i = 0; i < bytes; i++) {
                    value = (value << 8) | (der[at++] & 0xff);
                }
                if (value > Integer.MAX_VALUE) {
                    throw new IllegalArgumentException("bad DER length");
                }
                length = (int) value;
            }
            if (length > der.length - at) {
                throw new IllegalArgumentException("DER element longer than its input");
            }
            elements.add(new Element(first >> 6, tagNumber, Arrays.copyOfRange(der, at, at + length)));
            at += length;
        }
        return elements;
    }
}
