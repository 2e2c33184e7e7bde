package org.passkeyee.internal.ceremony;

import java.lang.Character.UnicodeScript;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/**
 * The one policy for caller names, applied before any identity store, the application's
 * {@link org.passkeyee.PasskeyAccounts} or the database sees a name.
 *
 * <p>Names reach places the module does not control: Soteria's LDAP store formats them into
 * filters and DNs unescaped, and LDAP string preparation (RFC 4518) and SQL collations such as
 * MariaDB's {@code *_ai_ci} ignore case, accents and invisible characters when they compare. A
 * name that one of them reads as another name, or as a pattern, could reach another person's
 * groups. So a name is refused ({@code 400 invalid_username}) when it holds:
 * <ul>
 *   <li>an LDAP filter or DN metacharacter ({@code * ( ) \ , = ; < > " #}), a space, or any
 *       control, format, private-use, unassigned or separator character;</li>
 *   <li>a default-ignorable code point (combining grapheme joiner, variation selectors,
 *       Mongolian free variation selectors, Hangul fillers, soft hyphen, ...) or the braille
 *       blank;</li>
 *   <li>a combining mark that follows no letter ("lone"), an enclosing mark, or more than
 *       {@value #MAX_MARKS_IN_A_ROW} marks on one letter;</li>
 *   <li>a symbol or punctuation character outside ASCII (look-alikes of {@code * /}: ∗ ⁄),
 *       a number that is not a decimal digit;</li>
 *   <li>letters of scripts that are not normally written together (Latin with Cyrillic or
 *       Greek: {@code аdmin} with a Cyrillic a), or right-to-left letters mixed with left-to-right
 *       ones.</li>
 * </ul>
 * Letters of every script with their accents, decimal digits and the rest of printable ASCII
 * (so e-mail addresses, {@code jane.doe+work@example.com}) are kept.
 *
 * <p>It follows RFC 8265 (PRECIS {@code UsernameCaseMapped} / {@code UsernameCasePreserved},
 * IdentifierClass) with three choices of ours: compatibility characters are mapped by NFKC
 * (full-width {@code ａｄｍｉｎ} is {@code admin}) rather than refused; on top of the
 * IdentifierClass it refuses the LDAP metacharacters above and mixed scripts (after Unicode TS
 * #39's "highly restrictive" level); and its bidi rule is a simplified form of RFC 5893's.
 *
 * <p>New names (sign-up) get two more rules, so that the passkey store never holds two names
 * that a reader takes for one:
 * <ul>
 *   <li>they are case-folded as {@code UsernameCaseMapped} asks: Unicode Default Case Folding
 *       ({@link CaseFolding}: {@code Straße} is {@code strasse}, final {@code ς} is {@code σ},
 *       Cherokee folds to its capitals, the dotless {@code ı} stays itself), then NFKC again, which
 *       leaves a name stable (RFC 8264 §7's idempotence; {@code UsernamePolicyTest} checks it for
 *       every code point);</li>
 *   <li>look-alikes of Latin names are refused, by their Unicode TS #39 confusable skeleton
 *       ({@link LatinLookalikes}): a name that is not ASCII but whose skeleton is, whether a
 *       whole-script look-alike ({@code оре} in Cyrillic for {@code ope}) or a single character
 *       ({@code admın} with a dotless i, {@code ʻadmin}); and a name with letters of another
 *       script whose skeleton is made of ASCII and combining marks ({@code јоѕе́} in Cyrillic for
 *       {@code josé}). Names in one non-Latin script ({@code иван}, {@code 山田}) and Latin names
 *       with accents ({@code josé}, {@code søren}: the accent stays in the skeleton) pass. The
 *       price: a Latin name whose only non-ASCII letter is a dotless {@code ı} ({@code yılmaz})
 *       is refused too, as it reads as its ASCII twin.</li>
 * </ul>
 * Look-alikes of non-Latin names (a Greek name against a Cyrillic one) are not detected: that
 * would need the skeletons of the names already stored. Names that came
 * from the application's stores keep their case and are never refused as look-alikes: their
 * stores vouched for them, and they must keep signing in.
 */
public final class UsernamePolicy {

    static final int MAX_LENGTH = 64;
    static final int MAX_MARKS_IN_A_ROW = 3;

    /** LDAP filter (RFC 4515) and DN (RFC 4514) metacharacters, and NUL. */
    private static final String METACHARACTERS = "*()\\,=;<>\"#\0";

    private static final List<Set<UnicodeScript>> SCRIPTS_WRITTEN_TOGETHER = List.of(
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO),
            EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL));

    private UsernamePolicy() {
    }

    /**
     * A new name asked for at sign-up: NFKC, trimmed, case-folded and NFKC again, then checked,
     * and refused when it is a look-alike of a Latin name.
     *
     * @throws Refusal {@code invalid_username} when the policy refuses it
     */
    public static String newName(String requested) {
        String name = caseMapped(normalized(requested));
        checked(name);
        if (looksLikeALatinName(name)) {
            throw new Refusal(PasskeyErrorCode.INVALID_USERNAME);
        }
        return name;
    }

    /**
     * A name typed to sign in: NFKC and trimmed (case kept: it may be a name of the application's
     * own stores), then checked.
     *
     * @throws Refusal {@code invalid_username} when the policy refuses it
     */
    public static String typedName(String requested) {
        return checked(normalized(requested));
    }

    /**
     * A caller name that one of the application's identity stores vouched for, about to own
     * passkeys: accepted only as it is, since the name stored must be the name that store knows.
     *
     * @throws Refusal {@code invalid_username} when the policy refuses it or would change it
     */
    public static String callerName(String callerName) {
        if (callerName == null || !checked(normalized(callerName)).equals(callerName)) {
            throw new Refusal(PasskeyErrorCode.INVALID_USERNAME,
                    "This account's name cannot hold passkeys: it holds characters that passkey names may not.");
        }
        return callerName;
    }

    private static String caseMapped(String name) {
        return Normalizer.normalize(CaseFolding.fold(name), Normalizer.Form.NFKC);
    }

    /** A look-alike of an ASCII name, or a name of another script that looks like a Latin one. */
    private static boolean looksLikeALatinName(String name) {
        return !isAscii(name) && LatinLookalikes.latinSkeleton(name)
                .filter(skeleton -> isAscii(skeleton) || !allLettersLatin(name)).isPresent();
    }

    private static boolean allLettersLatin(String name) {
        return name.codePoints().filter(Character::isLetter).allMatch(c -> UnicodeScript.of(c) == UnicodeScript.LATIN);
    }

    private static boolean isAscii(String name) {
        return name.chars().allMatch(c -> c < 0x80);
    }

    private static String normalized(String value) {
        return value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
    }

    private static String checked(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH || !allCharactersAllowed(name) || !marksFollowLetters(name)
                || !scriptsWrittenTogether(name) || !directionConsistent(name)) {
            throw new Refusal(PasskeyErrorCode.INVALID_USERNAME);
        }
        return name;
    }

    private static boolean allCharactersAllowed(String name) {
        return name.codePoints().allMatch(UsernamePolicy::isAllowed);
    }

    /** Whether a name may hold this code point at all. */
    static boolean isAllowed(int c) {
        if (c < 0x80) {
            return c > 0x20 && c < 0x7f && METACHARACTERS.indexOf(c) < 0;
        }
        if (isDefaultIgnorable(c)) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.OTHER_LETTER, Character.MODIFIER_LETTER,
                 Character.NON_SPACING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER -> true;
            default -> false;
        };
    }

    /**
     * Unicode's Default_Ignorable_Code_Point property (DerivedCoreProperties.txt) for the code
     * points that are not already refused as format or unassigned characters, plus the braille
     * blank, which renders as nothing.
     */
    static boolean isDefaultIgnorable(int c) {
        return c == 0x00AD || c == 0x034F || c == 0x061C || c == 0x115F || c == 0x1160 || c == 0x17B4 || c == 0x17B5
                || c >= 0x180B && c <= 0x180F || c >= 0x200B && c <= 0x200F || c >= 0x202A && c <= 0x202E
                || c >= 0x2060 && c <= 0x206F || c == 0x2800 || c == 0x3164 || c >= 0xFE00 && c <= 0xFE0F
                || c == 0xFEFF || c == 0xFFA0 || c >= 0xFFF0 && c <= 0xFFF8 || c >= 0x1BCA0 && c <= 0x1BCA3
                || c >= 0x1D173 && c <= 0x1D17A || c >= 0xE0000 && c <= 0xE0FFF;
    }

    /** Every combining mark sits on a letter, and no letter carries a stack of them. */
    private static boolean marksFollowLetters(String name) {
        int marksInARow = 0;
        boolean afterLetter = false;
        for (int c : name.codePoints().toArray()) {
            int type = Character.getType(c);
            if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK) {
                if (!afterLetter || ++marksInARow > MAX_MARKS_IN_A_ROW) {
                    return false;
                }
            } else {
                afterLetter = Character.isLetter(c);
                marksInARow = 0;
            }
        }
        return true;
    }

    /** The letters belong to one script, or to scripts written together (Japanese, Chinese, Korean with Latin). */
    private static boolean scriptsWrittenTogether(String name) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        name.codePoints().forEach(c -> {
            UnicodeScript script = UnicodeScript.of(c);
            if (script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED) {
                scripts.add(script);
            }
        });
        return scripts.size() <= 1 || SCRIPTS_WRITTEN_TOGETHER.stream().anyMatch(together -> together.containsAll(scripts));
    }

    /**
     * A simplified RFC 5893 bidi rule: a name with right-to-left letters holds no left-to-right
     * letter, starts with a right-to-left letter and ends with one or with a digit, so that it
     * displays as one run and cannot reorder the text around it.
     */
    private static boolean directionConsistent(String name) {
        int[] codePoints = name.codePoints().toArray();
        boolean rightToLeft = false;
        boolean leftToRight = false;
        for (int c : codePoints) {
            byte direction = Character.getDirectionality(c);
            rightToLeft |= isRightToLeft(direction) || direction == Character.DIRECTIONALITY_ARABIC_NUMBER;
            leftToRight |= direction == Character.DIRECTIONALITY_LEFT_TO_RIGHT;
        }
        if (!rightToLeft) {
            return true;
        }
        int last = codePoints.length - 1;
        while (last > 0 && Character.getDirectionality(codePoints[last]) == Character.DIRECTIONALITY_NONSPACING_MARK) {
            last--;
        }
        byte end = Character.getDirectionality(codePoints[last]);
        return !leftToRight && isRightToLeft(Character.getDirectionality(codePoints[0]))
                && (isRightToLeft(end) || end == Character.DIRECTIONALITY_EUROPEAN_NUMBER
                || end == Character.DIRECTIONALITY_ARABIC_NUMBER);
    }

    private static boolean isRightToLeft(byte direction) {
        return direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT || direction == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
    }
}
