package org.passkeyee.faces;

import jakarta.faces.application.ResourceDependency;
import jakarta.faces.component.FacesComponent;

/**
 * The signed-in caller's passkeys as a table: name, provider, created, last used, synced or
 * this device only, transports; rename in place and delete with confirmation.
 *
 * <pre>{@code
 * <pk:manage/>
 * }</pre>
 *
 * <p>The table is filled and updated by the script through {@code GET/PATCH/DELETE
 * {prefix}/credentials}, without reloading the page. Deleting the last passkey asks with a clear
 * warning; the server refuses it unless the application says the caller has another way in. After
 * a rename or deletion the browser's passkey list is brought up to date through the Signal API,
 * where the browser has it.
 */
@FacesComponent(PasskeyManager.COMPONENT_TYPE)
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.CORE_SCRIPT, target = "head")
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.MANAGE_SCRIPT, target = "head")
@ResourceDependency(library = PasskeyResources.LIBRARY, name = PasskeyResources.STYLESHEET, target = "head")
public class PasskeyManager extends PasskeyWidget {

    /** The component type: the fully qualified class name. */
    public static final String COMPONENT_TYPE = "org.passkeyee.faces.PasskeyManager";

    /** The renderer type of {@link PasskeyManagerRenderer}. */
    public static final String RENDERER_TYPE = "org.passkeyee.faces.PasskeyManagerRenderer";

    /** Creates the component with its renderer. */
    public PasskeyManager() {
        setRendererType(RENDERER_TYPE);
    }
}
