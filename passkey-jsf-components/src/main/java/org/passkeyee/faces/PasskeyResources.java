package org.passkeyee.faces;

/**
 * Names of the Faces resources the widgets ship in {@code META-INF/resources/passkeyee/}. Each
 * widget component declares, with {@code @ResourceDependency} in this order, the shared script,
 * its own script and the stylesheet; Faces renders each resource once per page, in the order of
 * its first declaration, so the shared script always comes before the widgets' scripts.
 */
final class PasskeyResources {

    /** The resource library. */
    static final String LIBRARY = "passkeyee";

    /** What every widget's script needs: requests, texts of failures, step-up ({@code passkeyee.stepUp()}), start-up. */
    static final String CORE_SCRIPT = "core.js";

    /** The script of {@code <pk:signIn>}. */
    static final String SIGN_IN_SCRIPT = "signin.js";

    /** The script of {@code <pk:register>}. */
    static final String REGISTER_SCRIPT = "register.js";

    /** The script of {@code <pk:upgrade>}. */
    static final String UPGRADE_SCRIPT = "upgrade.js";

    /** The script of {@code <pk:manage>}. */
    static final String MANAGE_SCRIPT = "manage.js";

    /** The optional look: zero-specificity rules that any application style overrides. */
    static final String STYLESHEET = "passkeyee.css";

    private PasskeyResources() {
    }
}
