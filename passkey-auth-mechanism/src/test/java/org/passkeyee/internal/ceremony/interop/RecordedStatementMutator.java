package org.passkeyee.internal.ceremony.interop;

import com.yubico.webauthn.data.ByteArray;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.passkeyee.testsupport.Cbor;

/**
 * TEST-ONLY: breaks one to three things in a real authenticator's recorded attestation
 * statement, whatever its format: a byte string (a signature, TPM's {@code certInfo} or
 * {@code pubArea}, SafetyNet's {@code response}) damaged, a certificate of {@code x5c} damaged,
 * dropped or repeated, the algorithm or version changed, a member removed or one of another
 * format added; sometimes the statement is labelled with another format.
 */
final class RecordedStatementMutator {

    private static final List<String> FORMATS =
            List.of("packed", "tpm", "android-key", "android-safetynet", "fido-u2f", "apple", "none", "unknown");
    private static final List<String> MEMBERS = List.of("alg", "sig", "x5c", "ver", "certInfo", "pubArea", "response");
    private static final List<Long> ALGORITHMS = List.of(-7L, -8L, -9L, -19L, -35L, -36L, -37L, -47L, -48L, -49L, -50L, -53L, -257L, -65535L, 0L, 1L, 999_999L);

    private RecordedStatementMutator() {
    }

    /** {@code attestationObject} with its statement broken; what was done is added to {@code log}. */
    static ByteArray mutate(ByteArray attestationObject, Random random, List<String> log) {
        @SuppressWarnings("unchecked")
        Map<Object, Object> attestation = new LinkedHashMap<>((Map<Object, Object>) Cbor.decode(attestationObject.getBytes()));
        Map<Object, Object> statement = new LinkedHashMap<>((Map<?, ?>) attestation.get("attStmt"));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            log.add(mutateMember(statement, random));
        }
        attestation.put("attStmt", statement);
        if (random.nextInt(6) == 0) {
            attestation.put("fmt", FORMATS.get(random.nextInt(FORMATS.size())));
            log.add("fmt = " + attestation.get("fmt"));
        }
        return new ByteArray(Cbor.encode(attestation));
    }

    private static String mutateMember(Map<Object, Object> statement, Random random) {
        List<Object> present = new ArrayList<>(statement.keySet());
        if (present.isEmpty() || random.nextInt(8) == 0) {
            String member = MEMBERS.get(random.nextInt(MEMBERS.size()));
            statement.put(member, randomBytes(random, random.nextInt(300)));
            return "added " + member;
        }
        Object member = present.get(random.nextInt(present.size()));
        Object value = statement.get(member);
        if (random.nextInt(10) == 0) {
            statement.remove(member);
            return "removed " + member;
        }
        if (random.nextInt(12) == 0) {
            statement.put(member, random.nextBoolean() ? "text" : (Object) Map.of(1L, 2L));
            return member + ": another CBOR type";
        }
        if (value instanceof byte[] bytes) {
            boolean jws = "response".equals(member) && random.nextBoolean();
            statement.put(member, jws ? damagedJws(bytes, random) : damaged(bytes, random));
            return member + (jws ? ": a part of the JWS damaged" : ": damaged");
        }
        if (value instanceof List<?> chain) {
            statement.put(member, damagedChain(chain, random));
            return member + ": chain damaged";
        }
        if (value instanceof Long) {
            statement.put(member, ALGORITHMS.get(random.nextInt(ALGORITHMS.size())));
            return member + " = " + statement.get(member);
        }
        statement.put(member, random.nextBoolean() ? "1.0" : "");
        return member + " = '" + statement.get(member) + "'";
    }

    /** A JWS with one of its three parts damaged, still base64url, so that the parts are parsed. */
    private static byte[] damagedJws(byte[] jws, Random random) {
        String[] parts = new String(jws, java.nio.charset.StandardCharsets.US_ASCII).split("\\.", -1);
        int part = random.nextInt(parts.length);
        byte[] decoded;
        try {
            decoded = java.util.Base64.getUrlDecoder().decode(parts[part]);
        } catch (IllegalArgumentException notBase64) {
            decoded = new byte[0];
        }
        parts[part] = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(damaged(decoded, random));
        return String.join(".", parts).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private static List<Object> damagedChain(List<?> valid, Random random) {
        List<Object> chain = new ArrayList<>(valid);
        int index = chain.isEmpty() ? 0 : random.nextInt(chain.size());
        switch (random.nextInt(5)) {
            case 0 -> chain.clear();
            case 1 -> chain.add(index, randomBytes(random, random.nextInt(800)));
            case 2 -> {
                if (!chain.isEmpty()) {
                    chain.remove(index);
                }
            }
            case 3 -> {
                if (!chain.isEmpty()) {
                    chain.add(chain.get(index));
                }
            }
            default -> {
                if (!chain.isEmpty() && chain.get(index) instanceof byte[] certificate) {
                    chain.set(index, damaged(certificate, random));
                }
            }
        }
        return chain;
    }

    /** Truncated, extended, a flipped bit (most often: it keeps the structure), emptied, or random. */
    private static byte[] damaged(byte[] bytes, Random random) {
        return switch (random.nextInt(7)) {
            case 0 -> Arrays.copyOf(bytes, bytes.length == 0 ? 0 : random.nextInt(bytes.length));
            case 1 -> Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(64));
            case 2 -> new byte[0];
            case 3 -> randomBytes(random, random.nextInt(600));
            default -> {
                byte[] flipped = bytes.clone();
                if (flipped.length > 0) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield flipped;
            }
        };
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
