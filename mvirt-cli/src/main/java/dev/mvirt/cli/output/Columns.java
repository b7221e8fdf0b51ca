package dev.mvirt.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mvirt.cli.client.Noun;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The table columns of each resource kind: the everyday ones first, {@code wide} adds the rest. */
public final class Columns {
    private Columns() {}

    /** The columns of {@code noun}. */
    public static List<Column> of(Noun noun) {
        List<Column> c = new ArrayList<>();
        c.add(Column.of("NAME", (i, l, n) -> text(i, "name")));
        c.addAll(
                switch (noun) {
                    case PROJECT -> List.of(Column.of("DESCRIPTION", (i, l, n) -> text(i, "spec/description")));
                    case NODE -> node();
                    case NETWORK -> network();
                    case NIC -> nic();
                    case VOLUME -> volume();
                    case TEMPLATE -> template();
                    case SECURITY_GROUP -> securityGroup();
                    case VM -> vm();
                    case LOCK -> lock();
                });
        c.add(Column.of("AGE", (i, l, n) -> Units.age(i.path("createdAt").asLong(0), n)));
        c.add(Column.wide("LABELS", (i, l, n) -> labels(i.path("labels"))));
        c.add(Column.wide("ID", (i, l, n) -> text(i, "id")));
        return List.copyOf(c);
    }

    private static List<Column> node() {
        return List.of(
                Column.of("PHASE", (i, l, n) -> text(i, "status/phase")),
                Column.of(
                        "SCHEDULING",
                        (i, l, n) -> i.at("/spec/draining").asBoolean()
                                ? "draining"
                                : i.at("/spec/cordoned").asBoolean() ? "cordoned" : "enabled"),
                Column.of("CPUS", (i, l, n) -> text(i, "status/cpus")),
                Column.of("MEMORY", (i, l, n) -> mib(i.at("/status/memoryMib"))),
                Column.of("ADDRESS", (i, l, n) -> text(i, "status/address")),
                Column.wide("HYPERVISORS", (i, l, n) -> join(i.at("/status/hypervisors"))),
                Column.wide("POOLS", (i, l, n) -> pools(i.at("/status/pools"))),
                Column.wide("AGENT", (i, l, n) -> text(i, "status/agentVersion")));
    }

    private static List<Column> network() {
        return List.of(
                Column.of("IPV4", (i, l, n) -> text(i, "spec/ipv4Cidr")),
                Column.of("IPV6", (i, l, n) -> text(i, "spec/ipv6Cidr")),
                Column.of("NAT", (i, l, n) -> i.at("/spec/nat").asBoolean() ? "yes" : "no"),
                Column.of("ADDRESSES", (i, l, n) -> text(i, "status/allocatedAddresses")),
                Column.wide("DNS", (i, l, n) -> join(i.at("/spec/dns"))));
    }

    private static List<Column> nic() {
        return List.of(
                Column.of("NETWORK", (i, l, n) -> ref(i, l, Noun.NETWORK, "spec/network")),
                Column.of("VM", (i, l, n) -> ref(i, l, Noun.VM, "spec/vm")),
                Column.of("IPV4", (i, l, n) -> text(i, "spec/ipv4")),
                Column.of("MAC", (i, l, n) -> text(i, "spec/mac")),
                Column.of("PHASE", (i, l, n) -> text(i, "status/phase")),
                Column.wide("IPV6", (i, l, n) -> text(i, "spec/ipv6")),
                Column.wide("NODE", (i, l, n) -> ref(i, l, Noun.NODE, "status/node")),
                Column.wide("TAP", (i, l, n) -> text(i, "status/tap")));
    }

    private static List<Column> volume() {
        return List.of(
                Column.of("SIZE", (i, l, n) -> bytes(i.at("/spec/sizeBytes"))),
                Column.of("PHASE", (i, l, n) -> text(i, "status/phase")),
                Column.of(
                        "NODE",
                        (i, l, n) ->
                                ref(i, l, Noun.NODE, text(i, "status/node").isEmpty() ? "spec/node" : "status/node")),
                Column.of("TEMPLATE", (i, l, n) -> ref(i, l, Noun.TEMPLATE, "spec/template")),
                Column.wide("POOL", (i, l, n) -> text(i, "spec/pool")),
                Column.wide("USED", (i, l, n) -> bytes(i.at("/status/usedBytes"))),
                Column.wide(
                        "SNAPSHOTS",
                        (i, l, n) -> String.valueOf(i.at("/spec/snapshots").size())));
    }

    private static List<Column> template() {
        return List.of(
                Column.of("PHASE", (i, l, n) -> text(i, "status/phase")),
                Column.of("FORMAT", (i, l, n) -> text(i, "spec/format")),
                Column.of("SIZE", (i, l, n) -> bytes(i.at("/status/sizeBytes"))),
                Column.of("SOURCE", (i, l, n) -> text(i, "spec/source")),
                Column.wide("PROGRESS", (i, l, n) -> bytes(i.at("/status/progressBytes"))),
                Column.wide("NODE", (i, l, n) -> ref(i, l, Noun.NODE, "spec/node")),
                Column.wide("MESSAGE", (i, l, n) -> text(i, "status/message")));
    }

    private static List<Column> securityGroup() {
        return List.of(
                Column.of(
                        "RULES", (i, l, n) -> String.valueOf(i.at("/spec/rules").size())),
                Column.of("PHASE", (i, l, n) -> text(i, "status/phase")),
                Column.of("DESCRIPTION", (i, l, n) -> text(i, "spec/description")));
    }

    private static List<Column> vm() {
        return List.of(
                Column.of("PHASE", (i, l, n) -> text(i, "status/phase")),
                Column.of("DESIRED", (i, l, n) -> text(i, "spec/desired")),
                Column.of("NODE", (i, l, n) -> ref(i, l, Noun.NODE, "status/node")),
                Column.of("VCPUS", (i, l, n) -> text(i, "spec/vcpus")),
                Column.of("MEMORY", (i, l, n) -> mib(i.at("/spec/memoryMib"))),
                Column.wide("NICS", (i, l, n) -> refs(i, l, Noun.NIC, "/spec/nics")),
                Column.wide("VOLUMES", (i, l, n) -> refs(i, l, Noun.VOLUME, "/spec/volumes")),
                Column.wide("MESSAGE", (i, l, n) -> text(i, "status/message")));
    }

    private static List<Column> lock() {
        return List.of(
                Column.of("OWNER", (i, l, n) -> text(i, "spec/owner")),
                Column.of("TTL", (i, l, n) -> i.at("/spec/ttlMillis").asLong() / 1000 + "s"),
                Column.of("EXPIRES", (i, l, n) -> {
                    long at = i.at("/status/expiresAt").asLong();
                    return at <= 0 ? "" : "in " + Math.max(0, (at - n) / 1000) + "s";
                }));
    }

    /** The text at a slash path below the item ("" when absent). */
    public static String text(JsonNode item, String path) {
        JsonNode v = item.at("/" + path);
        return v.isMissingNode() || v.isNull() || v.isContainerNode() ? "" : v.asText();
    }

    private static String ref(JsonNode i, Lookup l, Noun noun, String path) {
        String id = text(i, path);
        return id.isEmpty() ? "" : l.name(noun, text(i, "project"), id);
    }

    private static String refs(JsonNode i, Lookup l, Noun noun, String pointer) {
        List<String> out = new ArrayList<>();
        i.at(pointer).forEach(v -> out.add(l.name(noun, text(i, "project"), v.asText())));
        return String.join(",", out);
    }

    private static String join(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(v -> out.add(v.asText()));
        return String.join(",", out);
    }

    private static String labels(JsonNode labels) {
        return labels.properties().stream()
                .map(e -> e.getKey() + "=" + e.getValue().asText())
                .collect(Collectors.joining(","));
    }

    private static String pools(JsonNode pools) {
        List<String> out = new ArrayList<>();
        pools.forEach(p -> out.add(
                p.path("name").asText() + ":" + Units.bytes(p.path("freeBytes").asLong()) + " free"));
        return String.join(",", out);
    }

    private static String mib(JsonNode v) {
        return v.isNumber() ? Units.bytes(v.asLong() << 20) : "";
    }

    private static String bytes(JsonNode v) {
        return v.isNumber() && v.asLong() > 0 ? Units.bytes(v.asLong()) : "";
    }
}
