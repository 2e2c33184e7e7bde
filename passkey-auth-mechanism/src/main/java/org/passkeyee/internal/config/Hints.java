package org.passkeyee.internal.config;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * WebAuthn's hints to the browser ({@code security-key}, {@code client-device}, {@code hybrid}):
 * how a ceremony is best completed, in order of preference. A user-experience setting, never a
 * security one (a browser may ignore them).
 */
public final class Hints {

    /** Every hint WebAuthn Level 3 defines. */
    public static final List<String> KNOWN = List.of("security-key", "client-device", "hybrid");

    private Hints() {
    }

    /**
     * The hints as given, each known and named once.
     *
     * @param source what names them, for the message: a property, a request field
     * @throws IllegalArgumentException naming the first unknown or repeated hint
     */
    public static List<String> parse(String source, List<String> hints) {
        Set<String> seen = new HashSet<>();
        for (String hint : hints) {
            if (!KNOWN.contains(hint)) {
                throw new IllegalArgumentException(source + ": '" + hint + "' is not a hint; use "
                        + String.join(", ", KNOWN));
            }
            if (!seen.add(hint)) {
                throw new IllegalArgumentException(source + ": '" + hint + "' is named twice");
            }
        }
        return List.copyOf(hints);
    }

    /** As {@link #parse}, the hints of a property: lower-cased, and a bad one fails the deployment. */
    static List<String> ofProperty(String property, List<String> hints) {
        try {
            return parse(property, hints.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList());
        } catch (IllegalArgumentException bad) {
            throw new IllegalStateException(bad.getMessage());
        }
    }
}
