package org.passkeyee.faces;

/** Names of the Faces resources the widgets ship in {@code META-INF/resources/passkeyee/}. */
final class PasskeyResources {

    /** The resource library. */
    static final String LIBRARY = "passkeyee";

    /** The one script of all widgets. */
    static final String SCRIPT = "passkeyee.js";

    /** The optional look: zero-specificity rules that any application style overrides. */
    static final String STYLESHEET = "passkeyee.css";

    private PasskeyResources() {
    }
}
