package org.passkeyee.faces;

import jakarta.faces.application.ResourceDependency;
import jakarta.faces.component.FacesComponent;

/**
 * Passkey sign-in for an existing login page: turns the page's own username field into a
 * passkey autofill field and adds a "Sign in with a passkey" button.
 *
 * <pre>{@code
 * <h:form id="login">
 *     <h:outputLabel for="username" value="Username"/>
 *     <h:inputText id="username" value="#{login.username}" a:autocomplete="username webauthn"/>
 *     <h:outputLabel for="password" value="Password"/>
 *     <h:inputSecret id="password" value="#{login.password}"/>
 *     <h:commandButton value="Sign in" action="#{login.signIn}"/>
 *     <pk:signIn for="username"/>
 * </h:form>
 * }</pre>
 *
 * <p>When the page loads, the script asks the browser for a conditional (autofill) passkey request,
 * so the browser lists the person's passkeys in the username field's suggestions; picking one
 * signs in and goes where the server's answer says. The request is renewed before the server's
 * ceremony expires. The button aborts that pending request and runs a modal one (for the typed
 * username, if any). Failures of the autofill request are silent; every other failure is shown in
 * words. The password form keeps working as before: the button does not submit it.
 */
@FacesComponent(PasskeySignIn.COMPONENT_TYPE)
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.CORE_SCRIPT, target = "head")
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.SIGN_IN_SCRIPT, target = "head")
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.STYLESHEET, target = "head")
public class PasskeySignIn extends PasskeyWidget {

    /** The component type: the fully qualified class name. */
    public static final String COMPONENT_TYPE = "org.passkeyee.faces.PasskeySignIn";

    /** The renderer type of {@link PasskeySignInRenderer}. */
    public static final String RENDERER_TYPE = "org.passkeyee.faces.PasskeySignInRenderer";

    enum PropertyKeys {
        forInput("for"), autofill;

        private final String name;

        PropertyKeys() {
            this(null);
        }

        PropertyKeys(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name != null ? name : super.toString();
        }
    }

    /** Creates the component with its renderer. */
    public PasskeySignIn() {
        setRendererType(RENDERER_TYPE);
    }

    /**
     * The ID of the page's username input, searched like {@code h:outputLabel}'s {@code for}:
     * relative to this component's naming container (e.g. {@code username} in the same form), or
     * absolute ({@code :login:username}).
     */
    public String getFor() {
        return (String) getStateHelper().eval(PropertyKeys.forInput);
    }

    /** Sets the ID of the username input. */
    public void setFor(String forInput) {
        getStateHelper().put(PropertyKeys.forInput, forInput);
    }

    /** Whether to offer passkeys in the username field's autofill; default {@code true}. */
    public boolean isAutofill() {
        return (Boolean) getStateHelper().eval(PropertyKeys.autofill, Boolean.TRUE);
    }

    /** Switches autofill on or off; the button stays either way. */
    public void setAutofill(boolean autofill) {
        getStateHelper().put(PropertyKeys.autofill, autofill);
    }
}
