package org.passkeyee.testsupport;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A tiny CBOR (RFC 8949) encoder and decoder for tests: unsigned and negative integers, byte
 * strings, text strings, arrays and maps, nothing else. Maps are written in their iteration order, so
 * pass a {@link LinkedHashMap} in the order the WebAuthn/CTAP2 canonical form wants.
 */
public final class Cbor {

    private static final int UNSIGNED = 0;
    private static final int NEGATIVE = 1;
    private static final int BYTES = 2;
    private static final int TEXT = 3;
    private static final int ARRAY = 4;
    private static final int MAP = 5;

    private Cbor() {
    }

    /** Encodes an {@link Integer}, {@link Long}, {@code byte[]}, {@link String}, or a {@link java.util.List} or {@link Map} of those. */
    public static byte[] encode(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, value);
        return out.toByteArray();
    }

    /**
     * Decodes one item: integers as {@link Long}, byte strings as {@code byte[]}, text as
     * {@link String}, arrays as {@link java.util.List}, maps as {@link LinkedHashMap} in encoded order.
     *
     * @throws IllegalArgumentException on a type this class does not know or on trailing bytes
     */
    public static Object decode(byte[] data) {
        Reader reader = new Reader(data);
        Object value = reader.read();
        if (reader.position != data.length) {
            throw new IllegalArgumentException("trailing bytes after CBOR item at " + reader.position);
        }
        return value;
    }

    private static void write(ByteArrayOutputStream out, Object value) {
        if (value instanceof Integer || value instanceof Long) {
            long number = ((Number) value).longValue();
            if (number >= 0) {
                writeHead(out, UNSIGNED, number);
            } else {
                writeHead(out, NEGATIVE, -1 - number);
            }
        } else if (value instanceof byte[] bytes) {
            writeHead(out, BYTES, bytes.length);
            out.writeBytes(bytes);
        } else if (value instanceof String text) {
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            writeHead(out, TEXT, utf8.length);
            out.writeBytes(utf8);
        } else if (value instanceof java.util.List<?> list) {
            writeHead(out, ARRAY, list.size());
            for (Object item : list) {
                write(out, item);
            }
        } else if (value instanceof Map<?, ?> map) {
            writeHead(out, MAP, map.size());
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                write(out, entry.getKey());
                write(out, entry.getValue());
            }
        } else {
            throw new IllegalArgumentException("unsupported CBOR value: " + value);
        }
    }

    /** Writes the initial byte and argument in the shortest form. */
    private static void writeHead(ByteArrayOutputStream out, int majorType, long argument) {
        int type = majorType << 5;
        if (argument < 24) {
            out.write(type | (int) argument);
        } else if (argument < 0x100) {
            out.write(type | 24);
            out.write((int) argument);
        } else if (argument < 0x10000) {
            out.write(type | 25);
            writeBigEndian(out, argument, 2);
        } else if (argument < 0x100000000L) {
            out.write(type | 26);
            writeBigEndian(out, argument, 4);
        } else {
            out.write(type | 27);
            writeBigEndian(out, argument, 8);
        }
    }

    private static void writeBigEndian(ByteArrayOutputStream out, long value, int length) {
        for (int shift = (length - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xFF);
        }
    }

    /** Reads items from a byte array. */
    private static final class Reader {
        private final byte[] data;
        private int position;

        Reader(byte[] data) {
            this.data = data;
        }

        Object read() {
            int initial = next();
            int majorType = initial >>> 5;
            long argument = readArgument(initial & 0x1F);
            switch (majorType) {
                case UNSIGNED:
                    return argument;
                case NEGATIVE:
                    return -1 - argument;
                case BYTES:
                    return take(argument);
                case TEXT:
                    return new String(take(argument), StandardCharsets.UTF_8);
                case ARRAY:
                    if (argument > data.length - position) {
                        throw new IllegalArgumentException("CBOR array runs past the end");
                    }
                    java.util.List<Object> list = new java.util.ArrayList<>();
                    for (long i = 0; i < argument; i++) {
                        list.add(read());
                    }
                    return list;
                case MAP:
                    Map<Object, Object> map = new LinkedHashMap<>();
                    for (long i = 0; i < argument; i++) {
                        Object key = read();
                        map.put(key, read());
                    }
                    return map;
                default:
                    throw new IllegalArgumentException("unsupported CBOR major type " + majorType);
            }
        }

        private long readArgument(int info) {
            if (info < 24) {
                return info;
            }
            int length = switch (info) {
                case 24 -> 1;
                case 25 -> 2;
                case 26 -> 4;
                case 27 -> 8;
                default -> throw new IllegalArgumentException("unsupported CBOR length info " + info);
            };
            long value = 0;
            for (int i = 0; i < length; i++) {
                value = (value << 8) | next();
            }
            return value;
        }

        private byte[] take(long length) {
            if (length > data.length - position) {
                throw new IllegalArgumentException("CBOR item runs past the end");
            }
            byte[] bytes = Arrays.copyOfRange(data, position, position + (int) length);
            position += (int) length;
            return bytes;
        }

        private int next() {
            if (position >= data.length) {
                throw new IllegalArgumentException("CBOR item runs past the end");
            }
            return data[position++] & 0xFF;
        }
    }
}
