package org.passkeyee.faces;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.FacesRenderer;
import java.io.IOException;

/**
 * Renders {@link PasskeySignIn}: the button (hidden until the script has checked that the browser
 * can use passkeys) and the data the script needs to attach autofill to the page's username input.
 */
@FacesRenderer(componentFamily = PasskeyWidget.COMPONENT_FAMILY, rendererType = PasskeySignIn.RENDERER_TYPE)
public class PasskeySignInRenderer extends PasskeyWidgetRenderer {

    @Override
    protected String kind() {
        return "sign-in";
    }

    @Override
    protected String messagePrefix() {
        return "signIn.";
    }

    @Override
    protected void writeData(PasskeyWidget widget, PasskeyEndpoints endpoints, ResponseWriter writer)
            throws IOException {
        PasskeySignIn signIn = (PasskeySignIn) widget;
        writer.writeAttribute("data-pk-for", usernameClientId(FacesContext.getCurrentInstance(), signIn), null);
        writer.writeAttribute("data-pk-autofill", String.valueOf(signIn.isAutofill()), null);
        writer.writeAttribute("data-pk-refresh-ms", String.valueOf(endpoints.refreshMillis()), null);
    }

    @Override
    protected void encodeContent(FacesContext context, PasskeyWidget widget, PasskeyEndpoints endpoints,
                                 PasskeyMessages messages, ResponseWriter writer) throws IOException {
        button(writer, "pk-primary pk-sign-in-button", messages.get("signIn.button"), true);
    }

    /**
     * The client ID of the username input named by {@code for}: found like {@code h:outputLabel}'s
     * target; an ID that names no component is taken as the HTML ID of a plain input.
     */
    static String usernameClientId(FacesContext context, PasskeySignIn signIn) {
        String forId = signIn.getFor();
        if (forId == null || forId.isBlank()) {
            return "";
        }
        UIComponent input = signIn.findComponent(forId);
        return input != null ? input.getClientId(context) : forId;
    }
}
