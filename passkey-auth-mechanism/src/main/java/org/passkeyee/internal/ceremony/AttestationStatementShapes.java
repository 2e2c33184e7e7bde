package org.passkeyee.internal.ceremony;

import com.fasterxml.jackson.databind.JsonNode;
import com.yubico.webauthn.data.AttestationObject;
import com.yubico.webauthn.data.AttestedCredentialData;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * The attestation object and its statement exactly as WebAuthn writes them, before anything is
 * verified: the object a map of exactly {@code fmt}, {@code attStmt} and {@code authData}
 * (<a href="https://www.w3.org/TR/webauthn-3/#sctn-attestation">§6.5</a>), no key twice, nothing
 * after it; the statement a map of exactly the members its format's syntax lists, each of its
 * CBOR type (the first step of every verification procedure of
 * <a href="https://www.w3.org/TR/webauthn-3/#sctn-defined-attestation-formats">§8</a>: "Verify
 * that attStmt is valid CBOR conforming to the syntax defined above"):
 * <ul>
 *   <li>{@code none} (§8.7): the empty map;</li>
 *   <li>{@code packed} (§8.2): {@code alg} integer, {@code sig} bytes, optionally {@code x5c};</li>
 *   <li>{@code tpm} (§8.3): {@code ver} "2.0", {@code alg}, {@code x5c}, {@code sig}, {@code certInfo}, {@code pubArea};</li>
 *   <li>{@code android-key} (§8.4): {@code alg}, {@code sig}, {@code x5c};</li>
 *   <li>{@code android-safetynet} (§8.5): {@code ver} text, {@code response} bytes;</li>
 *   <li>{@code fido-u2f} (§8.6): {@code x5c} of exactly one certificate, {@code sig}; and the
 *       credential key ES256 (its signing procedure refuses any other; with
 *       {@link CredentialKeyAlgorithms} that is an EC2 key on P-256);</li>
 *   <li>{@code apple} (§8.8): {@code x5c}, and an integer {@code alg}, which §8.8's syntax does not
 *       list but Apple's authenticators have sent (a recorded one is among the interop vectors).</li>
 * </ul>
 * An {@code x5c} is a non-empty array of byte strings. Yubico reads the members it needs and
 * ignores the others, a {@code none} statement not at all, and keeps the last of duplicate keys;
 * a statement that breaks its syntax is {@code registration_rejected}.
 */
final class AttestationStatementShapes {

    private static final Predicate<JsonNode> INTEGER = node -> node.isIntegralNumber() && node.canConvertToInt();
    private static final Predicate<JsonNode> BYTES = JsonNode::isBinary;
    private static final Predicate<JsonNode> TEXT = JsonNode::isTextual;
    private static final Predicate<JsonNode> CHAIN = node -> node.isArray() && !node.isEmpty() && allBinary(node);
    private static final Predicate<JsonNode> ONE_CERTIFICATE = node -> CHAIN.test(node) && node.size() == 1;
    private static final Predicate<JsonNode> TPM_2_0 = node -> node.isTextual() && "2.0".equals(node.textValue());
    private static final Set<String> ATTESTATION_OBJECT = Set.of("fmt", "attStmt", "authData");
    private static final long ES256 = -7;

    /** A format's members: those it requires and those it allows, each with its type. */
    private record Syntax(Map<String, Predicate<JsonNode>> required, Map<String, Predicate<JsonNode>> optional) {

        boolean fits(JsonNode statement) {
            if (!statement.isObject() || !required.keySet().stream().allMatch(statement::has)) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> members = statement.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                Predicate<JsonNode> type = required.getOrDefault(member.getKey(), optional.get(member.getKey()));
                if (type == null || !type.test(member.getValue())) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final Map<String, Syntax> SYNTAXES = Map.of(
            "none", new Syntax(Map.of(), Map.of()),
            "packed", new Syntax(Map.of("alg", INTEGER, "sig", BYTES), Map.of("x5c", CHAIN)),
            "tpm", new Syntax(Map.of("ver", TPM_2_0, "alg", INTEGER, "x5c", CHAIN, "sig", BYTES, "certInfo", BYTES,
                    "pubArea", BYTES), Map.of()),
            "android-key", new Syntax(Map.of("alg", INTEGER, "sig", BYTES, "x5c", CHAIN), Map.of()),
            "android-safetynet", new Syntax(Map.of("ver", TEXT, "response", BYTES), Map.of()),
            "fido-u2f", new Syntax(Map.of("x5c", ONE_CERTIFICATE, "sig", BYTES), Map.of()),
            "apple", new Syntax(Map.of("x5c", CHAIN), Map.of("alg", INTEGER)));

    private AttestationStatementShapes() {
    }

    /** Refuses an attestation object, or its statement, that is not as WebAuthn writes it. */
    static void check(AttestationObject attestation) {
        JsonNode object = StrictCbor.read(attestation.getBytes().getBytes()).orElseThrow(AttestationStatementShapes::refused);
        if (!object.isObject() || object.size() != ATTESTATION_OBJECT.size() || !ATTESTATION_OBJECT.stream().allMatch(object::has)
                || !fits(attestation.getFormat(), object.get("attStmt"))) {
            throw refused();
        }
        if ("fido-u2f".equals(attestation.getFormat()) && !credentialKeyIsEs256(attestation)) {
            throw refused();
        }
    }

    /** Whether {@code statement} is a statement of {@code format} as its syntax says; an unknown format fits nothing. */
    static boolean fits(String format, JsonNode statement) {
        Syntax syntax = SYNTAXES.get(format);
        return syntax != null && statement != null && syntax.fits(statement);
    }

    private static boolean credentialKeyIsEs256(AttestationObject attestation) {
        return attestation.getAuthenticatorData().getAttestedCredentialData()
                .map(AttestedCredentialData::getCredentialPublicKey)
                .flatMap(cose -> StrictCbor.read(cose.getBytes()))
                .map(key -> key.path("3"))
                .filter(alg -> alg.isIntegralNumber() && alg.asLong() == ES256)
                .isPresent();
    }

    private static boolean allBinary(JsonNode array) {
        for (JsonNode element : array) {
            if (!element.isBinary()) {
                return false;
            }
        }
        return true;
    }

    private static Refusal refused() {
        return new Refusal(PasskeyErrorCode.REGISTRATION_REJECTED, "The attestation statement is not as its format defines it.");
    }
}
