package org.passkeyee.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.FacesRenderer;
import java.io.IOException;

/**
 * Renders {@link PasskeyUpgrade}: the offer, hidden until the script has asked the server how this
 * session signed in. The status line stays outside the offer, so a message after a conditional
 * create is announced even though the offer never showed.
 */
@FacesRenderer(componentFamily = PasskeyWidget.COMPONENT_FAMILY, rendererType = PasskeyUpgrade.RENDERER_TYPE)
public class PasskeyUpgradeRenderer extends PasskeyWidgetRenderer {

    @Override
    protected String kind() {
        return "upgrade";
    }

    @Override
    protected String messagePrefix() {
        return "upgrade.";
    }

    @Override
    protected void writeData(PasskeyWidget widget, PasskeyEndpoints endpoints, ResponseWriter writer)
            throws IOException {
        writer.writeAttribute("data-pk-conditional", String.valueOf(((PasskeyUpgrade) widget).isConditional()), null);
    }

    @Override
    protected void encodeContent(FacesContext context, PasskeyWidget widget, PasskeyEndpoints endpoints,
                                 PasskeyMessages messages, ResponseWriter writer) throws IOException {
        String titleId = innerId(context, widget, "title");
        writer.startElement("div", null);
        writer.writeAttribute("class", "pk-offer", null);
        writer.writeAttribute("role", "region", null);
        writer.writeAttribute("aria-labelledby", titleId, null);
        writer.writeAttribute("hidden", "hidden", null);
        writer.startElement("p", null);
        writer.writeAttribute("id", titleId, null);
        writer.writeAttribute("class", "pk-title", null);
        writer.writeText(messages.get("upgrade.title"), null);
        writer.endElement("p");
        text(writer, "p", "pk-explain", messages.get("upgrade.offer"));
        writer.startElement("div", null);
        writer.writeAttribute("class", "pk-actions", null);
        button(writer, "pk-primary pk-upgrade-create", messages.get("upgrade.create"), false);
        button(writer, "pk-upgrade-dismiss", messages.get("upgrade.dismiss"), false);
        writer.endElement("div");
        writer.endElement("div");
    }
}
