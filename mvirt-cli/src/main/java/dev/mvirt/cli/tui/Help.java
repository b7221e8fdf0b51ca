package dev.mvirt.cli.tui;

import java.util.List;

/** The keys of the TUI, shown by {@code ?}. */
final class Help {
    static final String HINT =
            "<:> view  </> filter  <enter> detail  <s>tart  <x> stop  <r>eboot  <d>elete  <c>onsole  <?> keys  <q>uit";

    static final List<String> LINES = List.of(
            "Keys",
            "",
            "  :NAME <enter>   switch view: vms, nodes, networks, nics, volumes, templates, sg, audit, events",
            "  /TEXT <enter>   filter rows containing TEXT (esc clears)",
            "  up/down, j/k    move; pgup/pgdn page",
            "  enter           details of the selected resource (esc back, up/down scroll)",
            "  s               start the selected VM",
            "  x               stop the selected VM (ACPI power-down)",
            "  r               reboot the selected VM",
            "  d               delete the selected resource (asks y/n)",
            "  c               attach to the selected VM's console",
            "  ?               this help (esc back)",
            "  q               quit",
            "",
            "The header shows the cluster (role, leader, ready), node readiness and the vCPU and memory reserved by",
            "placed VMs against node capacity. Changes arrive live from the event stream; when the API is",
            "unreachable the header says DISCONNECTED and the TUI keeps retrying. --readonly disables actions.");

    private Help() {}
}
