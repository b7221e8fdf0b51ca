package dev.mvirt.cli.tui;

import com.fasterxml.jackson.databind.JsonNode;
import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.graphics.TextGraphics;
import com.googlecode.lanterna.screen.Screen;
import dev.mvirt.cli.client.Noun;
import dev.mvirt.cli.output.Column;
import dev.mvirt.cli.output.Columns;
import dev.mvirt.cli.output.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Draws one frame: the header with meters, the view's table (or detail, help, feed) and the footer. */
final class Renderer {
    private final Screen screen;
    private final Model model;
    private final String target;

    Renderer(Screen screen, Model model, String target) {
        this.screen = screen;
        this.model = model;
        this.target = target;
    }

    void draw(UiState ui, List<List<String>> rows, List<String> header) {
        screen.doResizeIfNecessary();
        screen.clear();
        TextGraphics g = screen.newTextGraphics();
        TerminalSize size = screen.getTerminalSize();
        header(g, size.getColumns());
        switch (ui.mode) {
            case HELP -> lines(g, 4, size, Help.LINES, 0);
            case DETAIL -> lines(g, 4, size, ui.detail.lines().toList(), ui.scroll);
            default -> table(g, size, ui, rows, header);
        }
        footer(g, size, ui);
    }

    private void header(TextGraphics g, int width) {
        JsonNode c = model.cluster();
        g.setForegroundColor(TextColor.ANSI.CYAN);
        g.enableModifiers(SGR.BOLD);
        g.putString(0, 0, "mvirt");
        g.disableModifiers(SGR.BOLD);
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        String cluster = c.isMissingNode()
                ? "cluster ?"
                : "cluster " + c.path("role").asText() + "@" + c.path("self").asText() + " leader "
                        + c.path("leader").asText("none") + (c.path("ready").asBoolean() ? " ready" : " NOT READY");
        String state = model.connected() ? "connected" : "DISCONNECTED: " + model.problem() + " (retrying)";
        g.putString(6, 0, fit(target + "  " + cluster, Math.max(0, width - state.length() - 8)));
        if (model.connected()) {
            g.setForegroundColor(TextColor.ANSI.GREEN);
            g.putString(Math.max(0, width - 11), 0, "connected");
        } else {
            g.setForegroundColor(TextColor.ANSI.RED);
            String msg = "DISCONNECTED: " + model.problem() + " (retrying)";
            g.putString(Math.max(0, width - msg.length() - 1), 0, msg);
        }
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        g.putString(0, 1, fit(meters(), width));
    }

    /** Nodes ready, and vCPU and memory reserved by placed VMs against node capacity. */
    String meters() {
        List<JsonNode> nodes = model.items(Noun.NODE);
        long ready = nodes.stream()
                .filter(n -> n.at("/status/phase").asText().equals("ready"))
                .count();
        long cpus = nodes.stream().mapToLong(n -> n.at("/status/cpus").asLong()).sum();
        long mem = nodes.stream()
                .mapToLong(n -> n.at("/status/memoryMib").asLong())
                .sum();
        List<JsonNode> vms = model.items(Noun.VM).stream()
                .filter(v -> !v.at("/status/node").asText().isEmpty())
                .toList();
        long usedCpus =
                vms.stream().mapToLong(v -> v.at("/spec/vcpus").asLong()).sum();
        long usedMem =
                vms.stream().mapToLong(v -> v.at("/spec/memoryMib").asLong()).sum();
        long running = model.items(Noun.VM).stream()
                .filter(v -> v.at("/status/phase").asText().equals("running"))
                .count();
        return "nodes " + ready + "/" + nodes.size() + " ready   CPU " + bar(usedCpus, cpus) + " " + usedCpus + "/"
                + cpus
                + " vCPU   MEM " + bar(usedMem, mem) + " " + Units.bytes(usedMem << 20) + "/" + Units.bytes(mem << 20)
                + "   VMs " + running + "/" + model.items(Noun.VM).size() + " running";
    }

    private static String bar(long used, long total) {
        int filled = total <= 0 ? 0 : (int) Math.min(10, Math.round(10.0 * used / total));
        return "[" + "#".repeat(filled) + "-".repeat(10 - filled) + "]";
    }

    private void table(TextGraphics g, TerminalSize size, UiState ui, List<List<String>> rows, List<String> header) {
        g.setForegroundColor(TextColor.ANSI.YELLOW);
        String title =
                " " + ui.view.title() + (ui.filter.isEmpty() ? "" : " /" + ui.filter) + " (" + rows.size() + ") ";
        g.putString(0, 2, title + "-".repeat(Math.max(0, size.getColumns() - title.length())));
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
        int[] width = widths(header, rows);
        g.enableModifiers(SGR.BOLD);
        g.putString(0, 3, fit(row(header, width), size.getColumns()));
        g.disableModifiers(SGR.BOLD);
        int visible = size.getRows() - 6;
        int first = Math.max(0, ui.selected - visible + 1);
        for (int i = first; i < rows.size() && i - first < visible; i++) {
            if (i == ui.selected) {
                g.enableModifiers(SGR.REVERSE);
            }
            g.putString(0, 4 + i - first, fit(row(rows.get(i), width), size.getColumns()));
            g.disableModifiers(SGR.REVERSE);
        }
    }

    private void lines(TextGraphics g, int top, TerminalSize size, List<String> lines, int scroll) {
        for (int i = scroll; i < lines.size() && top + i - scroll < size.getRows() - 2; i++) {
            g.putString(0, top + i - scroll, fit(lines.get(i), size.getColumns()));
        }
    }

    private void footer(TextGraphics g, TerminalSize size, UiState ui) {
        int y = size.getRows() - 1;
        String text = switch (ui.mode) {
            case COMMAND -> ":" + ui.input;
            case FILTER -> "/" + ui.input;
            case CONFIRM -> ui.status;
            default -> ui.status.isEmpty() ? Help.HINT + (ui.readonly ? "  [read-only]" : "") : ui.status;
        };
        g.setForegroundColor(ui.mode == UiState.Mode.CONFIRM ? TextColor.ANSI.RED : TextColor.ANSI.DEFAULT);
        g.putString(0, y, fit(text, size.getColumns()));
        g.setForegroundColor(TextColor.ANSI.DEFAULT);
    }

    /** The rows of the current view (filtered), and its header. */
    static List<List<String>> rows(Model model, View view, String filter, List<JsonNode> items) {
        List<List<String>> out = new ArrayList<>();
        long now = System.currentTimeMillis();
        view.noun().ifPresent(noun -> {
            List<Column> cols = Columns.of(noun).stream().filter(c -> !c.wide()).toList();
            for (JsonNode i : items) {
                out.add(cols.stream()
                        .map(c -> c.cell().of(i, (n, p, id) -> model.name(n, id), now))
                        .toList());
            }
        });
        if (view == View.EVENTS) {
            for (JsonNode e : model.events()) {
                JsonNode r = e.path("resource");
                out.add(List.of(
                        e.path("revision").asText(),
                        e.path("type").asText(),
                        e.path("kind").asText(),
                        e.path("project").asText(),
                        r.path("name").asText(),
                        Columns.text(r, "status/phase")));
            }
        }
        String f = filter.toLowerCase(Locale.ROOT);
        return out.stream()
                .filter(r -> f.isEmpty()
                        || String.join(" ", r).toLowerCase(Locale.ROOT).contains(f))
                .toList();
    }

    static List<String> header(View view) {
        return view.noun()
                .map(n -> Columns.of(n).stream()
                        .filter(c -> !c.wide())
                        .map(Column::header)
                        .toList())
                .orElse(
                        view == View.EVENTS
                                ? List.of("REVISION", "TYPE", "KIND", "PROJECT", "NAME", "PHASE")
                                : List.of());
    }

    private static int[] widths(List<String> header, List<List<String>> rows) {
        int[] w = new int[header.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = header.get(c).length();
            for (List<String> r : rows) {
                w[c] = Math.max(w[c], c < r.size() ? r.get(c).length() : 0);
            }
        }
        return w;
    }

    private static String row(List<String> cells, int[] width) {
        StringBuilder b = new StringBuilder(" ");
        for (int c = 0; c < cells.size() && c < width.length; c++) {
            b.append(cells.get(c)).append(" ".repeat(width[c] - cells.get(c).length() + 2));
        }
        return b.toString();
    }

    private static String fit(String s, int width) {
        return s.length() <= width ? s : s.substring(0, Math.max(0, width));
    }
}
