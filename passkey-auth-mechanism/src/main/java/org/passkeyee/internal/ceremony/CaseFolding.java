package org.passkeyee.internal.ceremony;

import java.util.Map;

/**
 * Unicode Default Case Folding (full folding: statuses C and F of CaseFolding.txt, not the
 * Turkic T), which RFC 8265's {@code UsernameCaseMapped} profile asks for (§3.3.2, after RFC 8264
 * §9.3). The JDK has simple lower-casing only, which differs for about three hundred code points:
 * {@code ß} and {@code ẞ} fold to {@code ss}, final {@code ς} to {@code σ}, Greek symbol forms to
 * their letters ({@code ϐ} to {@code β}), Cherokee small letters to the capitals (the capitals were
 * encoded first, so they are the folded form), {@code İ} to {@code i} with a combining dot above;
 * the dotless {@code ı} stays itself. Those are read from {@code case-folding.txt}, generated
 * from ICU4J and checked against it for every assigned code point ({@code NameTablesTest}); every
 * other code point is folded by {@link Character#toLowerCase(int)}.
 */
final class CaseFolding {

    private static final Map<Integer, String> EXCEPTIONS = CodePointTable.read("case-folding.txt");

    private CaseFolding() {
    }

    /** The name case-folded, code point by code point (full case folding needs no context). */
    static String fold(String name) {
        StringBuilder folded = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            String exception = EXCEPTIONS.get(c);
            if (exception != null) {
                folded.append(exception);
            } else {
                folded.appendCodePoint(Character.toLowerCase(c));
            }
        });
        return folded.toString();
    }
}
