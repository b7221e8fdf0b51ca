package dev.mvirt.cli.command;

import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.command.ActionCmd.Action;
import picocli.CommandLine;

/** Assembles the command tree: one noun per API resource, its verbs, and the shortcuts. */
public final class Commands {
    private Commands() {}

    /**
     * The {@code mvirt} command line for {@code cli} plus {@code extra} commands (shell, tui), with the exit-code
     * table and error handling.
     */
    public static CommandLine build(Cli cli, java.util.Map<String, Object> extra) {
        CommandLine root = new CommandLine(new Root());
        root.getCommandSpec().usageMessage().exitCodeList(exitCodes());
        root.addSubcommand(
                "project",
                resource(cli, Noun.PROJECT, "Projects: namespaces for everything but nodes and locks.")
                        .addSubcommand("create", new Creates.Project(cli)));
        root.addSubcommand("node", node(cli));
        root.addSubcommand(
                "network",
                resource(cli, Noun.NETWORK, "Networks: subnets with DHCP, DNS and NAT.")
                        .addSubcommand("create", new Creates.Network(cli)));
        root.addSubcommand("nic", nic(cli));
        root.addSubcommand("volume", volume(cli));
        root.addSubcommand("snapshot", snapshot(cli));
        root.addSubcommand(
                "template",
                resource(cli, Noun.TEMPLATE, "Templates: disk images imported onto a node.")
                        .addSubcommand("create", new Creates.Template(cli), "import"));
        root.addSubcommand("security-group", securityGroup(cli), "sg");
        root.addSubcommand("vm", vm(cli));
        root.addSubcommand("lock", lock(cli));
        root.addSubcommand("cluster", cluster(cli));
        root.addSubcommand("token", token(cli));
        root.addSubcommand("join-token", JoinTokens.group(cli));
        root.addSubcommand("settings", settings(cli));
        root.addSubcommand("audit", new CommandLine(new AuditCmd(cli)).addSubcommand("list", new AuditCmd(cli), "ls"));
        root.addSubcommand("events", new EventsCmd(cli));
        root.addSubcommand("remote", remote(cli));
        root.addSubcommand("list", described(new ListCmd(cli, Noun.VM), "List VMs (mvirt vm list)."), "ls");
        root.addSubcommand("start", vmAction(cli, "start", "running", "Start a VM (mvirt vm start)."));
        root.addSubcommand("stop", new ActionCmd.Stop(cli));
        root.addSubcommand("console", new ConsoleCmd(cli));
        root.addSubcommand("completion", new CompletionCmd(cli));
        extra.forEach(root::addSubcommand);
        configure(root, cli);
        return root;
    }

    /** Error handling, streams and parsing rules for {@code root} (also used by the shell). */
    public static void configure(CommandLine root, Cli cli) {
        root.setOut(cli.io().out());
        root.setErr(cli.io().err());
        root.setCaseInsensitiveEnumValuesAllowed(true);
        root.setExecutionExceptionHandler(new Failures(cli));
        root.setParameterExceptionHandler((ex, args) -> {
            cli.io().err().println("mvirt: " + ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, cli.io().err());
            cli.io()
                    .err()
                    .println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            cli.io().err().flush();
            return Exit.USAGE.code();
        });
        root.setExecutionStrategy(pr -> {
            cli.begin(Globals.from(pr));
            return new CommandLine.RunLast().execute(pr);
        });
    }

    /** Runs one command object with this run's flags and the usual error handling (the TUI's console). */
    public static int execute(Cli cli, Object command, String... args) {
        CommandLine c = new CommandLine(command);
        c.setOut(cli.io().out());
        c.setErr(cli.io().err());
        c.setExecutionExceptionHandler(new Failures(cli));
        return c.execute(args);
    }

    private static java.util.Map<String, String> exitCodes() {
        java.util.Map<String, String> m = new java.util.LinkedHashMap<>();
        for (Exit e : Exit.values()) {
            m.put(String.format("%3d", e.code()), e.meaning());
        }
        return m;
    }

    static CommandLine group(String description) {
        CommandLine g = new CommandLine(new Group());
        g.getCommandSpec().usageMessage().description(description);
        return g;
    }

    static CommandLine described(Object command, String description) {
        CommandLine c = new CommandLine(command);
        c.getCommandSpec().usageMessage().description(description);
        return c;
    }

    /** The verbs every kind has: list, get, delete, label, patch. */
    static CommandLine resource(Cli cli, Noun noun, String description) {
        return group(description)
                .addSubcommand("list", new ListCmd(cli, noun), "ls")
                .addSubcommand("get", new GetCmd(cli, noun), "show")
                .addSubcommand("delete", new DeleteCmd(cli, noun), "rm")
                .addSubcommand("label", new LabelCmd(cli, noun))
                .addSubcommand("patch", new PatchCmd(cli, noun));
    }

    private static CommandLine node(Cli cli) {
        return resource(cli, Noun.NODE, "Nodes: hypervisor hosts (they register themselves).")
                .addSubcommand(
                        "cordon",
                        action(
                                cli,
                                new Action(Noun.NODE, "cordon", "cordon", "", false),
                                "Place no new VMs on a node."))
                .addSubcommand(
                        "uncordon",
                        action(
                                cli,
                                new Action(Noun.NODE, "uncordon", "uncordon", "", false),
                                "Place VMs on a node again."))
                .addSubcommand("drain", new Actions.Drain(cli))
                .addSubcommand("revoke-credential", new RevokeNodeCredential(cli));
    }

    private static CommandLine nic(Cli cli) {
        return resource(cli, Noun.NIC, "NICs: a VM's network interfaces.")
                .addSubcommand("create", new Creates.Nic(cli))
                .addSubcommand("attach", new Actions.Attach(cli))
                .addSubcommand(
                        "detach",
                        action(cli, new Action(Noun.NIC, "detach", "detach", "", false), "Detach a NIC from its VM."));
    }

    private static CommandLine volume(Cli cli) {
        return resource(cli, Noun.VOLUME, "Volumes: VM disks on a node's storage pool.")
                .addSubcommand("create", new Creates.Volume(cli))
                .addSubcommand("resize", new Actions.Resize(cli))
                .addSubcommand("rollback", new Actions.Rollback(cli));
    }

    private static CommandLine snapshot(Cli cli) {
        return group("Snapshots of volumes.")
                .addSubcommand("list", new Snapshots.ListSnapshots(cli), "ls")
                .addSubcommand("create", new Snapshots.Create(cli))
                .addSubcommand("delete", new Snapshots.Delete(cli), "rm");
    }

    private static CommandLine securityGroup(Cli cli) {
        return resource(cli, Noun.SECURITY_GROUP, "Security groups: firewall rules for NICs.")
                .addSubcommand("create", new Creates.SecurityGroup(cli))
                .addSubcommand("add-rule", new Actions.AddRule(cli))
                .addSubcommand("remove-rule", new Actions.RemoveRule(cli));
    }

    private static CommandLine vm(Cli cli) {
        return resource(cli, Noun.VM, "Virtual machines.")
                .addSubcommand("create", new Creates.Vm(cli))
                .addSubcommand("start", vmAction(cli, "start", "running", "Start a VM."))
                .addSubcommand("stop", new ActionCmd.Stop(cli))
                .addSubcommand("reboot", new ActionCmd.Reboot(cli))
                .addSubcommand(
                        "kill",
                        action(
                                cli,
                                new Action(Noun.VM, "kill", "kill", "stopped", true),
                                "Stop a VM at once (asks first)."))
                .addSubcommand("move", new VmMove(cli))
                .addSubcommand("console", new ConsoleCmd(cli));
    }

    private static CommandLine lock(Cli cli) {
        return group("Locks: leases with an owner and a TTL.")
                .addSubcommand("list", new ListCmd(cli, Noun.LOCK), "ls")
                .addSubcommand("get", new GetCmd(cli, Noun.LOCK))
                .addSubcommand("acquire", new Locks.Acquire(cli))
                .addSubcommand("release", new Locks.Release(cli));
    }

    private static CommandLine cluster(Cli cli) {
        return group("The control plane's Raft group.")
                .addSubcommand("status", new ClusterCmds.Status(cli))
                .addSubcommand("health", new ClusterCmds.Health(cli))
                .addSubcommand("peers", new ClusterCmds.Peers(cli))
                .addSubcommand("add-peer", new ClusterCmds.AddPeer(cli))
                .addSubcommand("remove-peer", new ClusterCmds.RemovePeer(cli))
                .addSubcommand("leader", new ClusterCmds.Leader(cli))
                .addSubcommand("snapshot", new ClusterCmds.Snapshot(cli));
    }

    private static CommandLine token(Cli cli) {
        return group("API tokens (admins).")
                .addSubcommand("list", new Tokens.ListTokens(cli), "ls")
                .addSubcommand("get", new Tokens.Get(cli))
                .addSubcommand("create", new Tokens.Create(cli))
                .addSubcommand("revoke", new Tokens.Revoke(cli));
    }

    private static CommandLine settings(Cli cli) {
        return group("Cluster settings and feature flags.")
                .addSubcommand("get", new SettingsCmds.Get(cli))
                .addSubcommand("set", new SettingsCmds.Set(cli))
                .addSubcommand("unset", new SettingsCmds.Unset(cli))
                .addSubcommand("features", new SettingsCmds.Features(cli))
                .addSubcommand("enable", described(new SettingsCmds.Toggle(cli, true), "Turn a feature flag on."))
                .addSubcommand("disable", described(new SettingsCmds.Toggle(cli, false), "Turn a feature flag off."));
    }

    private static CommandLine remote(Cli cli) {
        return group("Remotes: named API endpoints in ~/.config/mvirt/config.yaml.")
                .addSubcommand("add", new RemoteCmds.Add(cli))
                .addSubcommand("list", new RemoteCmds.ListRemotes(cli), "ls")
                .addSubcommand("use", new RemoteCmds.Use(cli))
                .addSubcommand("remove", new RemoteCmds.Remove(cli), "rm");
    }

    private static CommandLine vmAction(Cli cli, String verb, String phase, String description) {
        return action(cli, new Action(Noun.VM, verb, verb, phase, false), description);
    }

    private static CommandLine action(Cli cli, Action a, String description) {
        return described(new ActionCmd(cli, a), description);
    }
}
