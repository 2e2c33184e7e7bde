package org.passkeyee.faces;

import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.Renderer;
import java.io.IOException;

/**
 * Writes a widget's root element with everything the script needs as {@code data-*} attributes
 * (the widget kind, the endpoint, the login page, the locale, the texts), then the widget's own
 * markup and a polite live status line. There is no inline script: the shared script
 * ({@code core.js}) finds every {@code [data-passkeyee]} element when the page has loaded and starts
 * it with its kind's script, so the pages work under a Content-Security-Policy without
 * {@code 'unsafe-inline'}.
 */
public abstract class PasskeyWidgetRenderer extends Renderer {

    /** The widget kind the script dispatches on, e.g. {@code sign-in}; also its CSS class {@code pk-sign-in}. */
    protected abstract String kind();

    /** The prefix of the widget's keys in the message bundle, e.g. {@code signIn.}. */
    protected abstract String messagePrefix();

    /** Writes the widget's markup inside the root element, before the status line. */
    protected abstract void encodeContent(FacesContext context, PasskeyWidget widget, PasskeyEndpoints endpoints,
                                          PasskeyMessages messages, ResponseWriter writer) throws IOException;

    /** Writes further {@code data-*} attributes of the root element; none by default. */
    protected void writeData(PasskeyWidget widget, PasskeyEndpoints endpoints, ResponseWriter writer)
            throws IOException {
    }

    /** Children are not rendered. */
    @Override
    public void encodeChildren(FacesContext context, UIComponent component) {
        // the widget's markup is written in encodeEnd
    }

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        PasskeyWidget widget = (PasskeyWidget) component;
        PasskeyEndpoints endpoints = PasskeyEndpoints.of(context);
        PasskeyMessages messages = PasskeyMessages.of(context);
        ResponseWriter writer = context.getResponseWriter();
        writer.startElement("div", widget);
        writer.writeAttribute("id", widget.getClientId(context), "id");
        String styleClass = widget.getStyleClass();
        writer.writeAttribute("class", "pk pk-" + kind() + (styleClass == null ? "" : " " + styleClass), "styleClass");
        writer.writeAttribute("data-passkeyee", kind(), null);
        writer.writeAttribute("data-pk-endpoint", endpoints.endpoint(), null);
        writer.writeAttribute("data-pk-login-page", endpoints.loginPage(), null);
        writer.writeAttribute("data-pk-locale", context.getViewRoot().getLocale().toLanguageTag(), null);
        writer.writeAttribute("data-pk-messages", messages.forScript("common.", messagePrefix()).toString(), null);
        writeHints(widget, writer);
        writeData(widget, endpoints, writer);
        encodeContent(context, widget, endpoints, messages, writer);
        writer.startElement("p", null);
        writer.writeAttribute("class", "pk-status", null);
        writer.writeAttribute("role", "status", null);
        writer.writeAttribute("aria-live", "polite", null);
        writer.endElement("p");
        writer.endElement("div");
    }

    /** {@code data-pk-hints}, the widget's hints checked here, so that a typo fails the page, not the click. */
    private static void writeHints(PasskeyWidget widget, ResponseWriter writer) throws IOException {
        String hints = widget.getHints();
        if (hints == null || hints.isBlank()) {
            return;
        }
        for (String hint : hints.trim().split("\\s+")) {
            if (!PasskeyWidget.KNOWN_HINTS.contains(hint)) {
                throw new jakarta.faces.FacesException("hints=\"" + hints + "\" on " + widget.getClientId()
                        + ": '" + hint + "' is not one of " + String.join(", ", PasskeyWidget.KNOWN_HINTS));
            }
        }
        writer.writeAttribute("data-pk-hints", hints.trim(), "hints");
    }

    /** The client ID of an element inside the widget, e.g. {@code form:register:label}. */
    protected static String innerId(FacesContext context, PasskeyWidget widget, String name) {
        return widget.getClientId(context) + UINamingContainer.getSeparatorChar(context) + name;
    }

    /** Writes {@code <tag class="...">text</tag>}. */
    protected static void text(ResponseWriter writer, String tag, String cssClass, String text) throws IOException {
        writer.startElement(tag, null);
        writer.writeAttribute("class", cssClass, null);
        writer.writeText(text, null);
        writer.endElement(tag);
    }

    /** Writes a {@code type="button"} button, which never submits the form it stands in. */
    protected static void button(ResponseWriter writer, String cssClass, String label, boolean hidden)
            throws IOException {
        writer.startElement("button", null);
        writer.writeAttribute("type", "button", null);
        writer.writeAttribute("class", "pk-button " + cssClass, null);
        if (hidden) {
            writer.writeAttribute("hidden", "hidden", null);
        }
        writer.writeText(label, null);
        writer.endElement("button");
    }

    /**
     * Writes a label and a text input without a {@code name}, so that a surrounding form never
     * submits it. The hint, if any, is part of the label, so screen readers read it too.
     */
    protected static void input(ResponseWriter writer, String id, String cssClass, String label, String hint,
                                String autocomplete) throws IOException {
        writer.startElement("label", null);
        writer.writeAttribute("for", id, null);
        writer.writeAttribute("class", "pk-label", null);
        writer.writeText(label, null);
        if (hint != null) {
            writer.writeText(" ", null);
            text(writer, "span", "pk-hint", hint);
        }
        writer.endElement("label");
        writer.startElement("input", null);
        writer.writeAttribute("id", id, null);
        writer.writeAttribute("type", "text", null);
        writer.writeAttribute("class", "pk-input " + cssClass, null);
        writer.writeAttribute("maxlength", "64", null);
        writer.writeAttribute("autocomplete", autocomplete, null);
        writer.writeAttribute("autocapitalize", "none", null);
        writer.writeAttribute("spellcheck", "false", null);
        writer.endElement("input");
    }
}
