package dev.mvirt.cli.tui;

import dev.mvirt.cli.client.Noun;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The TUI's views, switched with {@code :NAME}; each shows one kind (audit and events are feeds). */
enum View {
    VMS(Noun.VM, "vms", "vm"),
    NODES(Noun.NODE, "nodes", "node", "no"),
    NETWORKS(Noun.NETWORK, "networks", "network", "net"),
    NICS(Noun.NIC, "nics", "nic"),
    VOLUMES(Noun.VOLUME, "volumes", "volume", "vol"),
    TEMPLATES(Noun.TEMPLATE, "templates", "template", "tpl"),
    SECURITY_GROUPS(Noun.SECURITY_GROUP, "securitygroups", "security-groups", "security-group", "sg"),
    AUDIT(null, "audit"),
    EVENTS(null, "events", "ev");

    private final @Nullable Noun noun;
    private final List<String> names;

    View(@Nullable Noun noun, String... names) {
        this.noun = noun;
        this.names = List.of(names);
    }

    /** The kind shown, empty for the audit and event feeds. */
    Optional<Noun> noun() {
        return Optional.ofNullable(noun);
    }

    String title() {
        return names.get(0);
    }

    /** The view typed after {@code :}. */
    static Optional<View> named(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (View v : values()) {
            if (v.names.contains(t)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}
