package org.passkeyee.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.FacesRenderer;
import java.io.IOException;

/**
 * Renders {@link PasskeyRegistration}: in sign-up mode a username and an optional display name,
 * otherwise an optional name for the new passkey; then the one-line explanation and the button,
 * which the explanation describes for screen readers.
 */
@FacesRenderer(componentFamily = PasskeyWidget.COMPONENT_FAMILY, rendererType = PasskeyRegistration.RENDERER_TYPE)
public class PasskeyRegistrationRenderer extends PasskeyWidgetRenderer {

    @Override
    protected String kind() {
        return "register";
    }

    @Override
    protected String messagePrefix() {
        return "register.";
    }

    @Override
    protected void writeData(PasskeyWidget widget, PasskeyEndpoints endpoints, ResponseWriter writer)
            throws IOException {
        writer.writeAttribute("data-pk-mode", ((PasskeyRegistration) widget).isSignUp() ? "sign-up" : "add", null);
    }

    @Override
    protected void encodeContent(FacesContext context, PasskeyWidget widget, PasskeyEndpoints endpoints,
                                 PasskeyMessages messages, ResponseWriter writer) throws IOException {
        PasskeyRegistration registration = (PasskeyRegistration) widget;
        if (registration.isSignUp()) {
            input(writer, innerId(context, widget, "username"), "pk-username",
                    messages.get("register.username"), null, "username");
            input(writer, innerId(context, widget, "displayName"), "pk-display-name",
                    messages.get("register.displayName"), messages.get("register.displayNameHint"), "name");
        } else if (registration.isNameInput()) {
            input(writer, innerId(context, widget, "label"), "pk-passkey-name",
                    messages.get("register.label"), messages.get("register.labelHint"), "off");
        }
        String explanationId = innerId(context, widget, "explain");
        writer.startElement("p", null);
        writer.writeAttribute("id", explanationId, null);
        writer.writeAttribute("class", "pk-explain", null);
        writer.writeText(messages.get("register.explain"), null);
        writer.endElement("p");
        writer.startElement("button", null);
        writer.writeAttribute("type", "button", null);
        writer.writeAttribute("class", "pk-button pk-primary pk-register-button", null);
        writer.writeAttribute("aria-describedby", explanationId, null);
        writer.writeText(messages.get(registration.isSignUp() ? "register.signUpButton" : "register.button"), null);
        writer.endElement("button");
    }
}
