package org.passkeyee.internal.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.passkeyee.PasskeyCredentialStore;
import org.passkeyee.PasskeySettings;
import org.passkeyee.PasskeyUser;
import org.passkeyee.internal.ceremony.UsernamePolicy;
import org.passkeyee.internal.shared.Refusal;

/**
 * The passkey accounts that recorded no vouching store (stored before schema version 3, when a
 * sign-up and a password user's account looked the same): they are vouched for by none, so
 * their passkeys get no validating store's groups and no password session joins them, until an
 * administrator assigns them. At the application's start this says how many there are, and,
 * where {@code passkey.vouching-script} names a file, writes there the SQL that assigns each
 * account whose name exactly one validating store knows, one {@code UPDATE} per account, for the
 * administrator to review and run: never a blanket assignment, and nothing changed by the module.
 */
@Singleton
public class UnvouchedAccounts {

    /** The setting naming the file the script is written to. */
    static final String SCRIPT = "passkey.vouching-script";
    /** Accounts reviewed at most at one start. */
    static final int MAX_ACCOUNTS = 10_000;

    private static final Logger LOG = Logger.getLogger(UnvouchedAccounts.class.getName());

    private final PasskeyCredentialStore store;
    private final VouchingStores vouchingStores;
    private final PasskeySettings settings;

    @Inject
    UnvouchedAccounts(PasskeyCredentialStore store, VouchingStores vouchingStores, PasskeySettings settings) {
        this.store = store;
        this.vouchingStores = vouchingStores;
        this.settings = settings;
    }

    /**
     * Says, when the application has started, how many accounts recorded no store, and writes the
     * script when asked to. It observes the start after the other observers of it (the store
     * learns the context path, its default scope, from the same event), and a store that cannot
     * answer yet only postpones the review to the next start.
     */
    void review(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 1000) @Initialized(ApplicationScoped.class)
                ServletContext started) {
        List<PasskeyUser> unvouched;
        try {
            unvouched = store.findUsersWithoutVouchingStore(MAX_ACCOUNTS);
        } catch (RuntimeException notReady) {
            LOG.fine(() -> "Accounts without a vouching store not reviewed, the passkey store cannot answer yet: " + notReady);
            return;
        }
        try {
            report(unvouched);
        } catch (RuntimeException storeFailed) {
            LOG.warning(() -> "Accounts without a vouching store not reviewed: " + storeFailed);
        }
    }

    private void report(List<PasskeyUser> unvouched) {
        if (unvouched.isEmpty()) {
            return;
        }
        Optional<String> target = settings.find(SCRIPT).map(String::strip).filter(path -> !path.isEmpty());
        if (target.isEmpty()) {
            LOG.warning(() -> unvouched.size() + (unvouched.size() == MAX_ACCOUNTS ? " or more" : "") + " passkey accounts"
                    + " recorded no vouching identity store (stored before schema version 3): their passkeys get no"
                    + " validating store's groups and password sign-ins cannot add passkeys to them. Set " + SCRIPT
                    + " to a file path to have the SQL that assigns each account whose name exactly one store knows"
                    + " written there, to review and run.");
            return;
        }
        Path file = Path.of(target.get());
        try {
            Files.writeString(file, script(unvouched), StandardCharsets.UTF_8);
            LOG.warning(() -> "Passkey accounts without a vouching store: the SQL that assigns them is in " + file
                    + "; review it, then run it on the passkey tables");
        } catch (IOException | RuntimeException unwritable) {
            LOG.warning(() -> "Passkey accounts without a vouching store: " + SCRIPT + " " + file + " cannot be written: "
                    + unwritable);
        }
    }

    /** One comment per account saying what was found, and an {@code UPDATE} for each account exactly one store knows. */
    String script(List<PasskeyUser> unvouched) {
        List<String> lines = new ArrayList<>();
        lines.add("-- Passkey accounts that recorded no vouching identity store, reviewed " + Instant.now() + ".");
        lines.add("-- An UPDATE assigns an account whose name exactly one of the application's validating identity stores");
        lines.add("-- knows (gives it groups by name). Review each before running it: an account made by a sign-up");
        lines.add("-- before schema version 3 whose name a store now knows belongs to another person; delete that");
        lines.add("-- line. Accounts left as they are keep no validating store's groups.");
        for (PasskeyUser account : unvouched) {
            String handle = account.userHandle().getBase64Url();
            String about = "-- account " + handle + " " + describedName(account.username()) + ": ";
            Optional<List<String>> knowing = vouchingStores.storesKnowing(account.username());
            if (knowing.isEmpty()) {
                lines.add(about + "not every validating store answers by name, so none is certain: left as it is");
            } else if (knowing.get().size() != 1) {
                lines.add(about + (knowing.get().isEmpty() ? "no store knows the name" : "known by " + knowing.get().size()
                        + " stores (" + String.join(", ", knowing.get()) + ")") + ": left as it is");
            } else {
                String key = knowing.get().get(0);
                lines.add(about + "known by " + key + " only");
                lines.add("UPDATE PASSKEY_USER SET VOUCHED_BY = " + literal(key) + " WHERE USER_HANDLE = " + literal(handle)
                        + " AND VOUCHED_BY IS NULL;");
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The name, where the name policy accepts it (so it holds no line break or control); never raw. */
    private static String describedName(String username) {
        try {
            return "named " + literal(UsernamePolicy.callerName(username));
        } catch (Refusal outsidePolicy) {
            return "with a name the name policy refuses";
        }
    }

    private static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
