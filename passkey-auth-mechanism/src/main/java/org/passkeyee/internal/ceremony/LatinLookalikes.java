package org.passkeyee.internal.ceremony;

import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;

/**
 * Unicode TS #39 confusable skeletons (§4: NFD, each code point replaced by its prototype from
 * confusables.txt, NFD again) as far as they matter to the name policy: whether a name reads as a
 * Latin one. Cyrillic {@code оре} has the skeleton {@code ope}, {@code admın} with a dotless i
 * {@code adrnin} (as has {@code admin}), Cyrillic {@code јоѕе́} that of {@code josé}.
 *
 * <p>Only the part of confusables.txt that can make a skeleton Latin ships, in
 * {@code latin-skeletons.txt}: of the code points that may appear in the NFD of a name the policy
 * allows, those whose skeleton is not themselves, where the code point or its skeleton is made of
 * ASCII and combining marks ({@code о} is {@code o}; {@code %} is {@code º/₀}); any other code
 * point is its own skeleton here, which tells as well that it does not read as Latin. The table is generated from ICU4J's
 * {@code SpoofChecker.getSkeleton} and checked against it for every allowed code point
 * ({@code NameTablesTest}), so the runtime needs no ICU.
 */
final class LatinLookalikes {

    private static final Map<Integer, String> SKELETONS = CodePointTable.read("latin-skeletons.txt");

    private LatinLookalikes() {
    }

    /** The name's skeleton if it is made of ASCII and combining marks only; empty if not. */
    static Optional<String> latinSkeleton(String name) {
        StringBuilder skeleton = new StringBuilder(name.length());
        Normalizer.normalize(name, Normalizer.Form.NFD).codePoints()
                .forEach(c -> skeleton.append(SKELETONS.getOrDefault(c, Character.toString(c))));
        String normalized = Normalizer.normalize(skeleton, Normalizer.Form.NFD);
        return isLatin(normalized) ? Optional.of(normalized) : Optional.empty();
    }

    /** Made of ASCII and combining marks only, as a skeleton that reads as a Latin name is. */
    static boolean isLatin(CharSequence skeleton) {
        return skeleton.codePoints().allMatch(c -> c < 0x80 || Character.getType(c) == Character.NON_SPACING_MARK);
    }
}
