package org.passkeyee.internal.ceremony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.passkeyee.PasskeyErrorCode;
import org.passkeyee.internal.shared.Refusal;

/** The one name policy: what every class of hostile name gets, and which names are kept. */
class UsernamePolicyTest {

    @Test
    void newNameWhenFullWidthComposedDifferentlyOrMixedCaseThenOneCaseFoldedSpelling() {
        assertEquals("admin", UsernamePolicy.newName("ａｄｍｉｎ"));
        assertEquals("josé", UsernamePolicy.newName("Jose\u0301"));
        assertEquals("alice", UsernamePolicy.newName("  Alice "));
    }

    @Test
    void newNameThenUnicodeDefaultCaseFoldingNotLowerCasing() {
        assertEquals("strasse", UsernamePolicy.newName("Straße"));
        assertEquals("strasse", UsernamePolicy.newName("STRASSE"));
        assertEquals("σίσυφοσ", UsernamePolicy.newName("ΣΊΣΥΦΟΣ"));
        assertEquals("σίσυφοσ", UsernamePolicy.newName("σίσυφος"));
        assertEquals("i\u0307stanbul", UsernamePolicy.newName("İstanbul"));
        assertEquals("ᏣᎳᎩ", UsernamePolicy.newName("ꮳꮃꭹ"), "Cherokee folds to its capitals");
        assertEquals("ᏣᎳᎩ", UsernamePolicy.newName("ᏣᎳᎩ"));
    }

    @Test
    void newNameWhenAppliedToItsOwnResultOrCheckedAsTheCallersNameThenTheSameForEveryCodePoint() {
        List<String> unstable = IntStream.rangeClosed(0x80, Character.MAX_CODE_POINT)
                .mapToObj(c -> "a" + Character.toString(c))
                .filter(name -> {
                    try {
                        String once = UsernamePolicy.newName(name);
                        return !once.equals(UsernamePolicy.newName(once)) || !once.equals(UsernamePolicy.callerName(once));
                    } catch (Refusal refused) {
                        return false;
                    }
                })
                .limit(10).toList();

        assertEquals(List.of(), unstable);
    }

    @ParameterizedTest
    @ValueSource(strings = {"оре", "ОРЕ", "с\u0440\u0435", "admın", "ʻadmin",
            "ѕсоре", "рор", "\u0131lgin", "yılmaz", "јоѕе\u0301", "ѐ"})
    void newNameWhenItLooksLikeALatinNameThenRefused(String name) {
        assertRefused(() -> UsernamePolicy.newName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"admın", "ʻadmin", "оре", "Yılmaz", "јоѕе\u0301"})
    void namesOfTheApplicationsStoresThatLookLikeLatinNamesStillSignIn(String name) {
        assertEquals(name, UsernamePolicy.typedName(name));
        assertEquals(name, UsernamePolicy.callerName(name));
    }

    @Test
    void typedNameKeepsTheCaseOfTheApplicationsOwnNames() {
        assertEquals("Alice", UsernamePolicy.typedName(" Alice"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jane.doe+work@example.com", "o'brien", "josé", "müller-lüdenscheidt", "łukasz_99",
            "ζωή", "иван.петров", "山田太郎", "やまだ", "yamada山田", "김민준", "विकास", "ที่ดิน", "محمد", "דוד2",
            "user~name", "a&b", "a|b", "a!b", "a:b", "a/b", "a%b", "a$b", "søren", "ёлка"})
    void acceptedNames(String name) {
        assertEquals(name, UsernamePolicy.typedName(name));
        assertEquals(name, UsernamePolicy.callerName(name));
        assertEquals(name, UsernamePolicy.newName(name));
    }

    @ParameterizedTest
    @ValueSource(strings = {"administrat*", "adm*", "alic*", "adm(i)n", "(uid=*)", "\\61dministrator", "adm\\2a",
            "adm,ou=staff", "uid=admin", "admin;ou=x", "<admin>", "\"admin\"", "#admin", "ad\u0000min"})
    void ldapFilterAndDnMetacharactersRefused(String name) {
        assertRefused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin\u034F", "ad\u034Fmin", "admin\uFE0F", "admin\uFE00", "admin\u180B", "admin\u180D",
            "ad\u3164min", "\u3164", "ad\u115Fmin", "ad\u1160min", "adﾠmin", "ad\u2800min", "ad\u00ADmin",
            "ad\u200Bmin", "ad\u200Dmin", "admin\u202E", "\u2066admin", "ad\u17B4min", "admin\uDB40\uDC01"})
    void defaultIgnorableAndInvisibleCodePointsRefused(String name) {
        assertRefused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0301admin", "admin-\u0301", "admin \u0301", "a\u0301\u0302\u0303\u0304\u0305dmin", "admin\u20DD",
            "\u0308"})
    void loneStackedOrEnclosingCombiningMarksRefused(String name) {
        assertRefused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"adm\u2217n", "a\u2044b", "admin\u2020", "admin\u00A9", "admin😀", "admin\u00B7",
            "admin\u00AE", "admin\u00BD", "ad min", "ad\u00A0min", "ad\u3000min", "ad\tmin", "ad\nmin", "ad\uE000min",
            "ad\u2028min", "", "   ", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void symbolsSpacesControlsAndLengthRefused(String name) {
        assertRefused(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0430dmin", "p\u0430ypal", "admin\u03BF", "иван-ivan", "abc\u05D0", "\u05D0abc", "\u05D0-"})
    void mixedScriptsAndMixedDirectionsRefused(String name) {
        assertRefused(name);
    }

    @Test
    void callerNameWhenThePolicyWouldChangeItThenRefusedRatherThanChanged() {
        assertEquals("Clerk", UsernamePolicy.callerName("Clerk"));
        assertRefused(() -> UsernamePolicy.callerName(" clerk"));
        assertRefused(() -> UsernamePolicy.callerName("ｃｌｅｒｋ"));
        assertRefused(() -> UsernamePolicy.callerName("Doe, John"));
    }

    private static void assertRefused(String name) {
        assertRefused(() -> UsernamePolicy.newName(name));
        assertRefused(() -> UsernamePolicy.typedName(name));
    }

    private static void assertRefused(org.junit.jupiter.api.function.Executable check) {
        assertEquals(PasskeyErrorCode.INVALID_USERNAME, assertThrows(Refusal.class, check).code());
    }
}
