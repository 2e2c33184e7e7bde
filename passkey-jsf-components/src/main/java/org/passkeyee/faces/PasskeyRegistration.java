package org.passkeyee.faces;

import jakarta.faces.application.ResourceDependency;
import jakarta.faces.component.FacesComponent;

/**
 * Creates a passkey: adds one to the signed-in caller's account, or (in sign-up mode) creates a
 * new account whose first sign-in method is a passkey.
 *
 * <pre>{@code
 * <pk:register/>                  <!-- add a passkey to my account, with an optional name -->
 * <pk:register mode="signUp"/>    <!-- username, display name, "Create account with a passkey" -->
 * }</pre>
 *
 * <p>The widget explains in one line what is about to happen, runs the ceremony and reports the
 * result in its status line. After a passkey was added it fires the DOM event
 * {@code passkeyee:changed} on the document, so a {@code <pk:manage>} table on the same page shows
 * the new passkey. A sign-up signs the new caller in and goes where the server's answer says.
 * Sign-up needs {@code signUpAllowed} and a {@code PasskeyAccounts} bean in the application.
 */
@FacesComponent(PasskeyRegistration.COMPONENT_TYPE)
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.CORE_SCRIPT, target = "head")
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.REGISTER_SCRIPT, target = "head")
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.STYLESHEET, target = "head")
public class PasskeyRegistration extends PasskeyWidget {

    /** The component type: the fully qualified class name. */
    public static final String COMPONENT_TYPE = "org.passkeyee.faces.PasskeyRegistration";

    /** The renderer type of {@link PasskeyRegistrationRenderer}. */
    public static final String RENDERER_TYPE = "org.passkeyee.faces.PasskeyRegistrationRenderer";

    /** The mode that adds a passkey to the signed-in caller (the default). */
    public static final String MODE_ADD = "add";

    /** The mode that creates an account with a passkey. */
    public static final String MODE_SIGN_UP = "signUp";

    enum PropertyKeys {
        mode, nameInput
    }

    /** Creates the component with its renderer. */
    public PasskeyRegistration() {
        setRendererType(RENDERER_TYPE);
    }

    /** {@value #MODE_ADD} (default) or {@value #MODE_SIGN_UP}. */
    public String getMode() {
        return (String) getStateHelper().eval(PropertyKeys.mode, MODE_ADD);
    }

    /** Sets the mode. */
    public void setMode(String mode) {
        getStateHelper().put(PropertyKeys.mode, mode);
    }

    /** Whether sign-up mode is on; any value but {@value #MODE_SIGN_UP} means adding a passkey. */
    public boolean isSignUp() {
        return MODE_SIGN_UP.equals(getMode());
    }

    /** Whether to offer an optional name for the new passkey; default {@code true}. */
    public boolean isNameInput() {
        return (Boolean) getStateHelper().eval(PropertyKeys.nameInput, Boolean.TRUE);
    }

    /** Shows or hides the optional name input. */
    public void setNameInput(boolean nameInput) {
        getStateHelper().put(PropertyKeys.nameInput, nameInput);
    }
}
