package org.passkeyee.faces;

import jakarta.faces.application.ResourceDependency;
import jakarta.faces.component.FacesComponent;

/**
 * Offers a passkey to a person who has just signed in with a password.
 *
 * <pre>{@code
 * <pk:upgrade/>
 * }</pre>
 *
 * <p>It shows nothing unless this session signed in with a password (the application's own form,
 * through {@code SecurityContext.authenticate}), recently enough to add a passkey, and the caller
 * has no passkey yet. Where the browser supports conditional create (its password manager may
 * create a passkey without a prompt, for the account whose password it just filled in), the widget
 * asks for that and tells the person afterwards; otherwise, or when the browser declines, it shows
 * an offer with "Create a passkey" and "Not now". "Not now" is remembered for the browser tab.
 */
@FacesComponent(PasskeyUpgrade.COMPONENT_TYPE)
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.CORE_SCRIPT, target = "head")
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.UPGRADE_SCRIPT, target = "head")
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.STYLESHEET, target = "head")
public class PasskeyUpgrade extends PasskeyWidget {

    /** The component type: the fully qualified class name. */
    public static final String COMPONENT_TYPE = "org.passkeyee.faces.PasskeyUpgrade";

    /** The renderer type of {@link PasskeyUpgradeRenderer}. */
    public static final String RENDERER_TYPE = "org.passkeyee.faces.PasskeyUpgradeRenderer";

    enum PropertyKeys {
        conditional
    }

    /** Creates the component with its renderer. */
    public PasskeyUpgrade() {
        setRendererType(RENDERER_TYPE);
    }

    /**
     * Whether to try conditional create (no prompt) where the browser supports it; default
     * {@code true}. With {@code false} the offer is always shown.
     */
    public boolean isConditional() {
        return (Boolean) getStateHelper().eval(PropertyKeys.conditional, Boolean.TRUE);
    }

    /** Switches conditional create on or off. */
    public void setConditional(boolean conditional) {
        getStateHelper().put(PropertyKeys.conditional, conditional);
    }
}
