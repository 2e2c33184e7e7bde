package org.passkeyee.faces;

import jakarta.faces.component.UIComponentBase;

/**
 * What every passkey widget has in common: the component family, a CSS class the page may add,
 * and no children. The widgets carry no state between requests beyond their attributes; what
 * they do happens in the browser, through the JSON endpoints of the core.
 */
public abstract class PasskeyWidget extends UIComponentBase {

    /** The family of all passkey widgets; their renderers are registered for it. */
    public static final String COMPONENT_FAMILY = "org.passkeyee.faces";

    /** The attributes every widget has. */
    enum PropertyKeys {
        styleClass, hints
    }

    /** The hints a widget may give the browser ({@code hints} attribute), as WebAuthn names them. */
    static final java.util.List<String> KNOWN_HINTS = java.util.List.of("security-key", "client-device", "hybrid");

    /** {@inheritDoc} */
    @Override
    public String getFamily() {
        return COMPONENT_FAMILY;
    }

    /** The widget renders everything itself; children, if any, are ignored. */
    @Override
    public boolean getRendersChildren() {
        return true;
    }

    /** Extra CSS classes for the widget's root element, after its own {@code pk pk-...} classes. */
    public String getStyleClass() {
        return (String) getStateHelper().eval(PropertyKeys.styleClass);
    }

    /** Sets the extra CSS classes. */
    public void setStyleClass(String styleClass) {
        getStateHelper().put(PropertyKeys.styleClass, styleClass);
    }

    /**
     * Hints to the browser on how this widget's ceremonies are best completed, space-separated in
     * order of preference: {@code security-key}, {@code client-device}, {@code hybrid}; unset, the
     * application's {@code passkey.hints}.
     */
    public String getHints() {
        return (String) getStateHelper().eval(PropertyKeys.hints);
    }

    /** Sets the hints. */
    public void setHints(String hints) {
        getStateHelper().put(PropertyKeys.hints, hints);
    }
}
