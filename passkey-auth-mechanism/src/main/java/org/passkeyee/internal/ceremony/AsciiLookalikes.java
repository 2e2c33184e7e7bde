package org.passkeyee.internal.ceremony;

import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a name looks like an ASCII name: its Unicode TS #39 confusable skeleton (§4: NFD, each
 * code point replaced by its prototype from confusables.txt, NFD again) when that skeleton is pure
 * ASCII. {@code оре} in Cyrillic, {@code admın} with a dotless i, {@code ʻadmin} with a modifier
 * letter turned comma: each has the skeleton of an ASCII name, so a reader can take it for that
 * name.
 *
 * <p>Only the part of confusables.txt that can make a skeleton ASCII ships, in
 * {@code ascii-skeletons.txt}: every code point that may appear in the NFD of a name the policy
 * allows and whose own skeleton is ASCII but not itself, and the ASCII ones whose skeleton is not
 * ({@code %} is {@code º/₀}); any other code point is its own skeleton. It is generated from ICU4J's
 * {@code SpoofChecker.getSkeleton} and checked against it for every allowed code point
 * ({@code NameTablesTest}), so the runtime needs no ICU.
 */
final class AsciiLookalikes {

    private static final Map<Integer, String> SKELETONS = CodePointTable.read("ascii-skeletons.txt");

    private AsciiLookalikes() {
    }

    /** The name's skeleton if it is pure ASCII; empty if any part of it is not. */
    static Optional<String> asciiSkeleton(String name) {
        StringBuilder skeleton = new StringBuilder(name.length());
        Normalizer.normalize(name, Normalizer.Form.NFD).codePoints()
                .forEach(c -> skeleton.append(SKELETONS.getOrDefault(c, Character.toString(c))));
        return skeleton.chars().allMatch(c -> c < 0x80) ? Optional.of(skeleton.toString()) : Optional.empty();
    }
}
