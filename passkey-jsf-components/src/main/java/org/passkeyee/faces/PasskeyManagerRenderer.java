package org.passkeyee.faces;

import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.FacesRenderer;
import java.io.IOException;
import java.util.List;

/**
 * Renders {@link PasskeyManager}: the table with its caption and column headers (the script fills
 * the rows), and the delete confirmation, hidden until asked for.
 */
@FacesRenderer(componentFamily = PasskeyWidget.COMPONENT_FAMILY, rendererType = PasskeyManager.RENDERER_TYPE)
public class PasskeyManagerRenderer extends PasskeyWidgetRenderer {

    /** The columns, by message key; the last one holds the buttons. */
    static final List<String> COLUMNS = List.of("manage.name", "manage.provider", "manage.created",
            "manage.lastUsed", "manage.storage", "manage.transports", "manage.actions");

    @Override
    protected String kind() {
        return "manage";
    }

    @Override
    protected String messagePrefix() {
        return "manage.";
    }

    @Override
    protected void encodeContent(FacesContext context, PasskeyWidget widget, PasskeyEndpoints endpoints,
                                 PasskeyMessages messages, ResponseWriter writer) throws IOException {
        writer.startElement("table", null);
        writer.writeAttribute("class", "pk-table", null);
        text(writer, "caption", "pk-caption", messages.get("manage.caption"));
        writer.startElement("thead", null);
        writer.startElement("tr", null);
        for (String column : COLUMNS) {
            writer.startElement("th", null);
            writer.writeAttribute("scope", "col", null);
            writer.writeText(messages.get(column), null);
            writer.endElement("th");
        }
        writer.endElement("tr");
        writer.endElement("thead");
        writer.startElement("tbody", null);
        writer.startElement("tr", null);
        writer.startElement("td", null);
        writer.writeAttribute("colspan", String.valueOf(COLUMNS.size()), null);
        writer.writeText(messages.get("manage.loading"), null);
        writer.endElement("td");
        writer.endElement("tr");
        writer.endElement("tbody");
        writer.endElement("table");
        encodeConfirmation(context, widget, messages, writer);
    }

    private static void encodeConfirmation(FacesContext context, PasskeyWidget widget, PasskeyMessages messages,
                                           ResponseWriter writer) throws IOException {
        String questionId = innerId(context, widget, "confirm");
        writer.startElement("div", null);
        writer.writeAttribute("class", "pk-confirm", null);
        writer.writeAttribute("role", "alertdialog", null);
        writer.writeAttribute("aria-labelledby", questionId, null);
        writer.writeAttribute("hidden", "hidden", null);
        writer.startElement("p", null);
        writer.writeAttribute("id", questionId, null);
        writer.writeAttribute("class", "pk-confirm-question", null);
        writer.endElement("p");
        writer.startElement("p", null);
        writer.writeAttribute("class", "pk-warning", null);
        writer.writeAttribute("hidden", "hidden", null);
        writer.writeText(messages.get("manage.lastWarning"), null);
        writer.endElement("p");
        writer.startElement("div", null);
        writer.writeAttribute("class", "pk-actions", null);
        button(writer, "pk-danger pk-confirm-delete", messages.get("manage.confirmDelete"), false);
        button(writer, "pk-confirm-cancel", messages.get("manage.cancel"), false);
        writer.endElement("div");
        writer.endElement("div");
    }
}
