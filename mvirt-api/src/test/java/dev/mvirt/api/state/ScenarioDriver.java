package dev.mvirt.api.state;

import dev.mvirt.api.model.Kind;
import dev.mvirt.api.model.NicSpec;
import dev.mvirt.api.model.NodePhase;
import dev.mvirt.api.model.NodeSpec;
import dev.mvirt.api.model.NodeStatus;
import dev.mvirt.api.model.Resource;
import dev.mvirt.api.model.StoragePool;
import dev.mvirt.api.model.VmSpec;
import dev.mvirt.api.model.VmStatus;
import dev.mvirt.api.model.VolumeSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns scenario command lines into commands against a {@link Fixtures} cluster and renders what happened as text.
 * Resources are named in scenarios; ids are deterministic. Commands:
 *
 * <pre>
 * node name=N cpus=C mem=GIB [labels=k:v,k:v] [hypervisors=qemu,cloud-hypervisor] [storage=GIB]
 * cordon name=N | uncordon name=N | node-phase name=N phase=READY|UNREACHABLE|DOWN
 * settings key=value ...
 * network name=N cidr=PREFIX [cidr6=PREFIX]
 * nic name=N network=NET [ipv4=A] [ipv6=A]
 * volume name=N size=GIB [node=NODE]
 * vm name=N cpus=C mem=MIB [group=G] [selector=k=v] [hypervisor=H] [nics=a,b] [volumes=a,b]
 * delete kind=KIND name=N [force=true]
 * usage
 * </pre>
 *
 * Output: the result ({@code ok KIND NAME [details]}, {@code done}, {@code conflict CODE}, {@code invalid FIELD},
 * {@code not-found KIND}, {@code no-capacity} with one line per node) followed by one line per event.
 */
final class ScenarioDriver {
    private final Fixtures f = new Fixtures();
    private final Map<String, String> ids = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    String run(String line) {
        String[] words = line.split("\\s+");
        Map<String, String> a = args(words);
        if (words[0].equals("usage")) {
            return usage();
        }
        Command c = command(words[0], a);
        Applied applied = f.apply(c);
        if (applied.result() instanceof Result.Ok ok) {
            ids.put(
                    key(ok.resource().kind(), ok.resource().name()),
                    ok.resource().id());
            names.put(ok.resource().id(), ok.resource().name());
        }
        List<String> out = new ArrayList<>();
        out.add(render(applied.result()));
        for (Event e : applied.events()) {
            out.add("  " + e.type().name().toLowerCase() + " " + kind(e.kind()) + " "
                    + e.resource().name());
        }
        return String.join("\n", out);
    }

    private Command command(String verb, Map<String, String> a) {
        return switch (verb) {
            case "node" -> node(a);
            case "cordon", "uncordon" ->
                new Command.UpdateSpec(
                        Kind.NODE, id(Kind.NODE, a.get("name")), 0, new NodeSpec(verb.equals("cordon"), false));
            case "node-phase" ->
                new Command.SetNodePhase(id(Kind.NODE, a.get("name")), NodePhase.valueOf(a.get("phase")));
            case "settings" -> new Command.SetSettings(a);
            case "network" ->
                f.create(
                        a.get("name"),
                        new dev.mvirt.api.model.NetworkSpec(
                                a.getOrDefault("cidr", ""), a.getOrDefault("cidr6", ""), List.of(), List.of(), false));
            case "nic" ->
                f.create(
                        a.get("name"),
                        new NicSpec(
                                id(Kind.NETWORK, a.get("network")),
                                "",
                                a.getOrDefault("ipv4", ""),
                                a.getOrDefault("ipv6", ""),
                                List.of(),
                                List.of(),
                                ""));
            case "volume" ->
                f.create(
                        a.get("name"),
                        Fixtures.volumeSpec(
                                a.containsKey("node") ? id(Kind.NODE, a.get("node")) : "",
                                Long.parseLong(a.get("size")) * Fixtures.GIB));
            case "vm" -> f.create(a.get("name"), vm(a));
            case "delete" -> {
                Kind k = Kind.valueOf(a.get("kind").toUpperCase().replace('-', '_'));
                yield new Command.Delete(k, id(k, a.get("name")), 0, Boolean.parseBoolean(a.get("force")));
            }
            default -> throw new IllegalArgumentException("unknown scenario command " + verb);
        };
    }

    private Command node(Map<String, String> a) {
        Map<String, String> labels = pairs(a.getOrDefault("labels", ""), ":");
        List<String> hv = a.containsKey("hypervisors")
                ? List.of(a.get("hypervisors").split(","))
                : List.of("qemu", "cloud-hypervisor");
        long storage = Long.parseLong(a.getOrDefault("storage", "1024")) * Fixtures.GIB;
        NodeStatus facts = new NodeStatus(
                NodePhase.READY,
                a.get("name"),
                "192.0.2.1",
                Integer.parseInt(a.get("cpus")),
                Long.parseLong(a.get("mem")) * 1024,
                List.of(new StoragePool("tank", storage, storage)),
                hv,
                "test");
        String id = ids.getOrDefault(key(Kind.NODE, a.get("name")), f.id());
        return new Command.RegisterNode(id, a.get("name"), labels, facts);
    }

    private VmSpec vm(Map<String, String> a) {
        Fixtures.VmBuilder b = Fixtures.vmSpec(Integer.parseInt(a.get("cpus")), Long.parseLong(a.get("mem")))
                .group(a.getOrDefault("group", ""))
                .hypervisor(a.getOrDefault("hypervisor", ""));
        if (a.containsKey("selector")) {
            String[] kv = a.get("selector").split("=", 2);
            String value = kv[0].equals(VmSpec.NODE_ID) ? id(Kind.NODE, kv[1]) : kv[1];
            b.selector(kv[0], value);
        }
        if (a.containsKey("nics")) {
            b.nics(list(Kind.NIC, a.get("nics")));
        }
        if (a.containsKey("volumes")) {
            b.volumes(list(Kind.VOLUME, a.get("volumes")));
        }
        return b.build();
    }

    private String[] list(Kind k, String csv) {
        return java.util.Arrays.stream(csv.split(",")).map(n -> id(k, n)).toArray(String[]::new);
    }

    private String render(Result r) {
        return switch (r) {
            case Result.Ok ok ->
                "ok " + kind(ok.resource().kind()) + " " + ok.resource().name() + details(ok.resource());
            case Result.Done d -> "done";
            case Result.Conflict c -> "conflict " + c.code();
            case Result.Invalid i -> "invalid " + i.error().field();
            case Result.NotFound n -> "not-found " + kind(n.kind());
            case Result.PreconditionFailed p -> "precondition-failed " + p.expected() + " " + p.current();
            case Result.NoCapacity n -> {
                StringBuilder b = new StringBuilder("no-capacity");
                new TreeMap<>(n.reasons())
                        .forEach((node, why) ->
                                b.append("\n  ").append(node).append(": ").append(why));
                yield b.toString();
            }
        };
    }

    @SuppressWarnings("unchecked")
    private String details(Resource<?, ?> r) {
        return switch (r.spec()) {
            case VmSpec s -> {
                VmStatus st = (VmStatus) r.status();
                yield " on " + names.getOrDefault(st.node(), "?") + " "
                        + st.phase().name().toLowerCase();
            }
            case NicSpec s ->
                (s.ipv4().isEmpty() ? "" : " " + s.ipv4()) + (s.ipv6().isEmpty() ? "" : " " + s.ipv6());
            case VolumeSpec s -> s.node().isEmpty() ? "" : " on " + names.getOrDefault(s.node(), "?");
            default -> "";
        };
    }

    private String usage() {
        List<String> out = new ArrayList<>();
        new TreeMap<>(nodesByName()).forEach((name, id) -> {
            Usage u = f.state().usage(id);
            out.add(name + ": vcpus=" + u.vcpus() + " mem=" + u.memoryMib() + " vms=" + u.vms());
        });
        return String.join("\n", out);
    }

    private Map<String, String> nodesByName() {
        Map<String, String> m = new LinkedHashMap<>();
        f.state().nodes().all().forEach(n -> m.put(n.name(), n.id()));
        return m;
    }

    private String id(Kind k, String name) {
        String id = ids.get(key(k, name));
        if (id == null) {
            throw new IllegalArgumentException("no " + kind(k) + " named " + name + " in this scenario");
        }
        return id;
    }

    private static String key(Kind k, String name) {
        return k.name() + "/" + name;
    }

    private static String kind(Kind k) {
        return k.name().toLowerCase().replace('_', '-');
    }

    private static Map<String, String> args(String[] words) {
        Map<String, String> m = new TreeMap<>();
        for (int i = 1; i < words.length; i++) {
            String[] kv = words[i].split("=", 2);
            m.put(kv[0], kv.length > 1 ? kv[1] : "");
        }
        return m;
    }

    private static Map<String, String> pairs(String csv, String sep) {
        Map<String, String> m = new TreeMap<>();
        if (!csv.isEmpty()) {
            for (String p : csv.split(",")) {
                String[] kv = p.split(sep, 2);
                m.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return m;
    }
}
