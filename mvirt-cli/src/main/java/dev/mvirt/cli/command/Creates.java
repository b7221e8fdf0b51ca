package dev.mvirt.cli.command;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mvirt.cli.client.Noun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code create} verb of each kind: its flags mapped onto the API's spec. */
final class Creates {
    private Creates() {}

    @Command(description = "Create a project.", mixinStandardHelpOptions = true)
    static final class Project extends CreateCmd {
        @Option(names = "--description", paramLabel = "TEXT")
        String description = "";

        Project(Cli cli) {
            super(cli, Noun.PROJECT);
        }

        @Override
        void spec(ObjectNode spec) {
            text(spec, "description", description);
        }

        @Override
        Optional<String> readyPhase() {
            return Optional.empty();
        }
    }

    @Command(description = "Create a network.", mixinStandardHelpOptions = true)
    static final class Network extends CreateCmd {
        @Option(names = "--ipv4", paramLabel = "CIDR", description = "e.g. 10.0.0.0/24")
        String ipv4 = "";

        @Option(names = "--ipv6", paramLabel = "CIDR")
        String ipv6 = "";

        @Option(names = "--dns", paramLabel = "ADDRESS", description = "DNS server offered (repeatable)")
        List<String> dns = new ArrayList<>();

        @Option(names = "--ntp", paramLabel = "ADDRESS", description = "NTP server offered (repeatable)")
        List<String> ntp = new ArrayList<>();

        @Option(names = "--nat", description = "masquerade traffic leaving the network")
        boolean nat;

        Network(Cli cli) {
            super(cli, Noun.NETWORK);
        }

        @Override
        void spec(ObjectNode spec) {
            text(spec, "ipv4Cidr", ipv4);
            text(spec, "ipv6Cidr", ipv6);
            list(spec, "dns", dns);
            list(spec, "ntp", ntp);
            if (nat) {
                spec.put("nat", true);
            }
        }

        @Override
        Optional<String> readyPhase() {
            return Optional.empty();
        }
    }

    @Command(description = "Create a NIC on a network.", mixinStandardHelpOptions = true)
    static final class Nic extends CreateCmd {
        @Option(names = "--network", paramLabel = "NETWORK", description = "network name or id")
        String network = "";

        @Option(names = "--mac", paramLabel = "MAC")
        String mac = "";

        @Option(names = "--ipv4", paramLabel = "ADDRESS", description = "fixed address (allocated when absent)")
        String ipv4 = "";

        @Option(names = "--ipv6", paramLabel = "ADDRESS")
        String ipv6 = "";

        @Option(names = "--security-group", paramLabel = "GROUP", description = "repeatable")
        List<String> groups = new ArrayList<>();

        @Option(names = "--routed-prefix", paramLabel = "CIDR", description = "repeatable")
        List<String> routed = new ArrayList<>();

        Nic(Cli cli) {
            super(cli, Noun.NIC);
        }

        @Override
        void spec(ObjectNode spec) {
            text(spec, "network", network);
            text(spec, "mac", mac);
            text(spec, "ipv4", ipv4);
            text(spec, "ipv6", ipv6);
            list(spec, "securityGroups", groups);
            list(spec, "routedPrefixes", routed);
        }
    }

    @Command(description = "Create a volume (empty, or cloned from a template).", mixinStandardHelpOptions = true)
    static final class Volume extends CreateCmd {
        @Option(names = "--size", paramLabel = "SIZE", description = "e.g. 10GiB, 512M")
        String size = "";

        @Option(names = "--node", paramLabel = "NODE")
        String node = "";

        @Option(names = "--template", paramLabel = "TEMPLATE")
        String template = "";

        @Option(names = "--pool", paramLabel = "POOL")
        String pool = "";

        Volume(Cli cli) {
            super(cli, Noun.VOLUME);
        }

        @Override
        void spec(ObjectNode spec) {
            if (!size.isEmpty()) {
                spec.put("sizeBytes", bytes("--size", size));
            }
            text(spec, "node", node);
            text(spec, "template", template);
            text(spec, "pool", pool);
        }
    }

    @Command(description = "Import a template (a disk image) onto a node.", mixinStandardHelpOptions = true)
    static final class Template extends CreateCmd {
        @Option(names = "--source", paramLabel = "URL|PATH", description = "http(s) URL or absolute path on the node")
        String source = "";

        @Option(names = "--node", paramLabel = "NODE")
        String node = "";

        @Option(names = "--format", paramLabel = "FORMAT", description = "raw or qcow2")
        String format = "";

        Template(Cli cli) {
            super(cli, Noun.TEMPLATE);
        }

        @Override
        void spec(ObjectNode spec) {
            text(spec, "source", source);
            text(spec, "node", node);
            text(spec, "format", format);
        }
    }

    @Command(description = "Create a security group.", mixinStandardHelpOptions = true)
    static final class SecurityGroup extends CreateCmd {
        @Option(names = "--description", paramLabel = "TEXT")
        String description = "";

        @Option(
                names = "--rule",
                paramLabel = "RULE",
                description = "direction=ingress,protocol=tcp,port=22,cidr=0.0.0.0/0 (repeatable)")
        List<String> rules = new ArrayList<>();

        SecurityGroup(Cli cli) {
            super(cli, Noun.SECURITY_GROUP);
        }

        @Override
        void spec(ObjectNode spec) {
            text(spec, "description", description);
            if (!rules.isEmpty()) {
                var a = spec.putArray("rules");
                rules.forEach(r -> a.add(Rules.parse(r)));
            }
        }
    }

    @Command(description = "Create a VM (it starts unless --stopped).", mixinStandardHelpOptions = true)
    static final class Vm extends CreateCmd {
        @Option(names = "--vcpus", paramLabel = "N", description = "default 1")
        int vcpus = 1;

        @Option(names = "--memory", paramLabel = "SIZE", description = "default 512MiB")
        String memory = "512MiB";

        @Option(names = "--kernel", paramLabel = "PATH")
        String kernel = "";

        @Option(names = "--initramfs", paramLabel = "PATH")
        String initramfs = "";

        @Option(names = "--cmdline", paramLabel = "TEXT")
        String cmdline = "";

        @Option(names = "--boot-volume", paramLabel = "VOLUME")
        String bootVolume = "";

        @Option(names = "--volume", paramLabel = "VOLUME", description = "attach a volume (repeatable)")
        List<String> volumes = new ArrayList<>();

        @Option(names = "--nic", paramLabel = "NIC", description = "attach a NIC (repeatable)")
        List<String> nics = new ArrayList<>();

        @Option(names = "--user-data", paramLabel = "TEXT|@FILE", description = "cloud-init user-data")
        String userData = "";

        @Option(names = "--ssh-key", paramLabel = "KEY|@FILE", description = "repeatable")
        List<String> sshKeys = new ArrayList<>();

        @Option(names = "--node-selector", paramLabel = "KEY=VALUE", description = "repeatable; node.name=NAME pins")
        List<String> selector = new ArrayList<>();

        @Option(names = "--anti-affinity", paramLabel = "GROUP")
        String antiAffinity = "";

        @Option(names = "--hypervisor", paramLabel = "NAME", description = "qemu or cloud-hypervisor")
        String hypervisor = "";

        @Option(names = "--stopped", description = "create it without starting it")
        boolean stopped;

        Vm(Cli cli) {
            super(cli, Noun.VM);
        }

        @Override
        void spec(ObjectNode spec) {
            spec.put("vcpus", vcpus);
            spec.put("memoryMib", bytes("--memory", memory) >> 20);
            if (!kernel.isEmpty() || !bootVolume.isEmpty() || !initramfs.isEmpty() || !cmdline.isEmpty()) {
                ObjectNode boot = spec.putObject("boot");
                text(boot, "kernel", kernel);
                text(boot, "initramfs", initramfs);
                text(boot, "cmdline", cmdline);
                text(boot, "volume", bootVolume);
            }
            list(spec, "volumes", volumes);
            list(spec, "nics", nics);
            text(spec, "userData", userData.startsWith("@") ? read(userData) : userData);
            list(
                    spec,
                    "sshKeys",
                    sshKeys.stream()
                            .map(k -> k.startsWith("@") ? read(k).trim() : k)
                            .toList());
            map(spec, "nodeSelector", selector);
            text(spec, "antiAffinityGroup", antiAffinity);
            text(spec, "hypervisor", hypervisor);
            if (stopped) {
                spec.put("desired", "stopped");
            }
        }

        @Override
        Optional<String> readyPhase() {
            return Optional.of(stopped ? "stopped" : "running");
        }

        private static String read(String at) {
            try {
                return Files.readString(Path.of(at.substring(1)), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CliException(Exit.USAGE, "cannot read " + at.substring(1) + ": " + e.getMessage(), e);
            }
        }
    }
}
